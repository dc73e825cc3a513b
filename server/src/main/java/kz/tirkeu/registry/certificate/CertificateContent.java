package kz.tirkeu.registry.certificate;

import kz.tirkeu.pki.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.VehiclePassports;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the digital registration certificate states (DOMAIN.md §5.5), as signed: the JSON inside the
 * .p7m. The PDF and the public page are renderings of this, never of anything else.
 *
 * @param documentType    always {@link #TYPE}: what kind of Tirkeu document this is
 * @param documentVersion the version of this layout; a reader refuses versions it does not know
 * @param issueDate       the date in Kazakhstan (Asia/Almaty) on which it was issued, as printed
 * @param issuedAt        the instant of the decision
 */
public record CertificateContent(String documentType, int documentVersion, String series, String number, String plateNumber,
                                 String regionCode, Vehicle vehicle, Owner owner, List<String> specialMarks, LocalDate issueDate,
                                 Instant issuedAt, String issuingUnit, String applicationNumber, Verification verification) {

    public static final String TYPE = "kz.tirkeu.registration-certificate";
    public static final int VERSION = 1;
    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public CertificateContent {
        specialMarks = specialMarks == null ? List.of() : List.copyOf(specialMarks);
    }

    /** @param passportNumber the ЭПТС the data was read from */
    public record Vehicle(String make, String model, String category, int year, String vin, String bodyNumber, String chassisNumber,
                          String engineNumber, String engineType, Integer engineVolumeCc, Integer enginePowerKw, String colour,
                          Integer massKg, Integer maxMassKg, String passportNumber) {}

    public record Owner(String name, String iin, String address) {}

    public record Verification(String code, String url) {}

    static CertificateContent of(CertificateRequest request, CertificateNumber number, String verificationCode, String verificationUrl) {
        VehiclePassports.VehiclePassport v = request.vehicle();
        VehiclePassports.Engine engine = v.engine() == null ? new VehiclePassports.Engine(null, null, null) : v.engine();
        Individuals.Individual owner = request.owner();
        return new CertificateContent(TYPE, VERSION, number.series(), number.number(), request.plateNumber(), request.regionCode(),
                new Vehicle(v.make(), v.model(), v.category(), v.year(), v.vin(), v.bodyNumber(), v.chassisNumber(), v.engineNumber(),
                        engine.type(), engine.volumeCc(), engine.powerKw(), v.colour(), v.massKg(), v.maxMassKg(), v.number()),
                new Owner(owner.fullName(), owner.iin(), address(owner.address())),
                List.of(), request.registeredAt().atZone(KAZAKHSTAN).toLocalDate(), request.registeredAt(), request.issuingUnit(),
                request.applicationNumber(), new Verification(verificationCode, verificationUrl));
    }

    private static String address(Individuals.Address address) {
        if (address == null) {
            return null;
        }
        return String.join(", ", Stream.of(address.region(), address.locality(), address.street(), address.house(), address.flat())
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
    }

    public CertificateNumber certificateNumber() {
        return new CertificateNumber(series, number);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static CertificateContent fromJson(String json) {
        CertificateContent content = JSON.readValue(json, CertificateContent.class);
        if (!TYPE.equals(content.documentType()) || content.documentVersion() != VERSION) {
            throw new InvalidInputException("not a registration certificate this platform can read");
        }
        return content;
    }

    /** The content of a certificate file, read without judging its signature (the caller verifies it). */
    static CertificateContent fromDocument(byte[] p7m) {
        try {
            Object signed = new CMSSignedData(p7m).getSignedContent().getContent();
            return fromJson(new String((byte[]) signed, StandardCharsets.UTF_8));
        } catch (CMSException | RuntimeException e) {
            throw new InvalidInputException("not a registration certificate file", e);
        }
    }
}
