package kz.tirkeu.sandbox.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the sandbox's state systems answer, field for field as their HTTP contracts say (sandbox/README.md). */
public final class StateRecords {

    private StateRecords() {}

    // ГБД ЮЛ
    /** @param legalAddress the registered (legal) address; its region tells which regions' regimes the dealer belongs to */
    public record Organisation(String bin, String name, String status, String registeredAt, List<Oked> okeds, Head head, Address legalAddress) {}
    public record Oked(String code, String name, boolean main) {}
    public record Head(String iin, String name) {}

    // ЭПТС
    public record Passport(String number, String status, String vin, String make, String model, String category, int year, Engine engine,
                           String colour, String bodyNumber, String chassisNumber, String engineNumber, int massKg, int maxMassKg,
                           String manufacturer, String plant, String typeApprovalNumber, String origin, String issuedAt) {}
    public record Engine(String type, int volumeCc, int powerKw) {}

    // КГД
    public record CustomsPayment(String vin, boolean paid, String declarationNumber, String declarationDate, long amountKzt) {}

    // «Жасыл даму»
    public record RecyclingFee(String vin, String status, String paidAt, String paidIn, String documentNumber, long amountKzt) {}

    // ГБД ФЛ
    public record Person(String iin, String surname, String name, String patronymic, String birthDate, String sex, String lifeStatus,
                         Address address, List<IdDocument> documents) {}
    public record Address(String regionCode, String region, String locality, String street, String house, String flat) {}
    public record IdDocument(String type, String number, String issuedAt, String validUntil, String issuer) {}

    // e-contracts
    public record Contract(String number, String date, String vin, String sellerBin, String buyerIin, long priceKzt, String status,
                           List<Signature> signatures) {}
    public record Signature(String party, String signedAt) {}

    // ЕРАП
    public record Fines(String iin, List<Fine> unpaid, long totalUnpaidKzt) {}
    public record Fine(String protocolNumber, String article, String description, long amountKzt, String issuedAt, String dueAt) {}

    // ЦОН catalogue
    public record Centre(String code, String name, String regionCode, String address, boolean issuesPlates, String workingHours) {}

    // seed and scenarios
    public record ReadyVehicle(String vin, String sellerBin, String buyerIin) {}

    public record Scenario(String id, String step, String title, String description, Seller seller, String vin, Buyer buyer, Expected expected) {}
    public record Seller(String personaId, String bin) {}
    /** @param correction for a scenario where the seller corrects the IIN: the IIN to enter instead */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Buyer(String iin, String personaId, Buyer correction) {}
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expected(String outcome, String step, String refusalCode) {}
}
