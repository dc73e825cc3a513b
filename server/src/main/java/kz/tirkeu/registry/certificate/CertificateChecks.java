package kz.tirkeu.registry.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import kz.tirkeu.pki.document.VerifiedDocument;
import kz.tirkeu.pki.validation.SubIndication;
import org.springframework.stereotype.Service;

/**
 * What anyone may learn about a registration certificate without signing in: whether it is genuine
 * and current, and just enough to match it to the car in front of them.
 *
 * <p>Never the owner: not the IIN, not the address, not the name. The page is open to whoever holds
 * the QR code (a photo of the card, a used-car listing), and a name next to a plate tells a stranger
 * who owns which car. The person checking has the card or the file in hand and can compare the owner's
 * name there; the police see owners through their own register.
 */
@Service
public class CertificateChecks {

    private final RegistrationCertificates certificates;
    private final CertificateSigning signing;

    public CertificateChecks(RegistrationCertificates certificates, CertificateSigning signing) {
        this.certificates = certificates;
        this.signing = signing;
    }

    /**
     * The minimum a verifier needs to match the certificate to the car.
     *
     * @param seriesAndNumber e.g. {@code AA 00012345}
     * @param issueDate       in Kazakhstan
     */
    public record PublicFacts(String seriesAndNumber, String plateNumber, String make, String model, int year, LocalDate issueDate,
                              String issuingUnit) {

        static PublicFacts of(StoredCertificate c) {
            return new PublicFacts(c.number().toString(), c.plateNumber(), c.make(), c.model(), c.vehicleYear(),
                    c.issuedAt().atZone(CertificateContent.KAZAKHSTAN).toLocalDate(), c.issuingUnit());
        }

        static PublicFacts of(CertificateContent c) {
            return new PublicFacts(c.certificateNumber().toString(), c.plateNumber(), c.vehicle().make(), c.vehicle().model(),
                    c.vehicle().year(), c.issueDate(), c.issuingUnit());
        }
    }

    /**
     * The certificate behind a verification code, as of now.
     *
     * @param current         status VALID and the signature on file still verifies
     * @param signatureFailure why the signature on file does not verify, when it does not
     */
    public record CodeCheck(PublicFacts facts, CertificateStatus status, Optional<Instant> statusChangedAt, boolean signatureVerifies,
                            Optional<SubIndication> signatureFailure, boolean current) {}

    /** Where an uploaded file stands against the register. */
    public enum OnRecord {
        /** the file is exactly the certificate on record, and that certificate is VALID */
        CURRENT,
        ANNULLED,
        REPLACED,
        /** genuine, but not the file on record under its number */
        DIFFERENT_FROM_RECORD,
        NOT_ON_RECORD,
        /** the file did not verify, so what it says about itself is not trusted */
        UNKNOWN
    }

    /**
     * @param facts   what the file states, only when its signature verified
     * @param failure why the signature did not verify (or, with PASSED, nothing)
     */
    public record FileCheck(boolean signatureVerifies, Optional<SubIndication> failure, String technicalMessage,
                            Optional<PublicFacts> facts, OnRecord onRecord, Optional<Instant> statusChangedAt) {

        public boolean current() {
            return signatureVerifies && onRecord == OnRecord.CURRENT;
        }
    }

    public Optional<CodeCheck> byCode(String code) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{22,64}")) {
            return Optional.empty();
        }
        return certificates.byVerificationCode(code).map(stored -> {
            byte[] document = certificates.document(stored.number()).orElseThrow();
            VerifiedDocument verified = signing.verify(document);
            boolean verifies = verified.passed();
            return new CodeCheck(PublicFacts.of(stored), stored.status(), stored.statusChangedAt(), verifies,
                    verifies ? Optional.empty() : verified.report().subIndication(), verifies && stored.valid());
        });
    }

    public FileCheck checkFile(byte[] file) {
        VerifiedDocument verified = signing.verify(file);
        if (!verified.passed()) {
            return new FileCheck(false, verified.report().subIndication(), verified.report().message(), Optional.empty(), OnRecord.UNKNOWN,
                    Optional.empty());
        }
        CertificateContent content;
        try {
            content = CertificateContent.fromJson(verified.content().orElseThrow());
        } catch (RuntimeException e) {
            // Signed by the platform, but not a registration certificate (some other Tirkeu document).
            return new FileCheck(false, Optional.of(SubIndication.FORMAT_FAILURE), "not a registration certificate", Optional.empty(),
                    OnRecord.UNKNOWN, Optional.empty());
        }
        Optional<StoredCertificate> stored = certificates.find(content.certificateNumber());
        OnRecord onRecord;
        if (stored.isEmpty()) {
            onRecord = OnRecord.NOT_ON_RECORD;
        } else if (!Arrays.equals(certificates.document(content.certificateNumber()).orElseThrow(), file)) {
            onRecord = OnRecord.DIFFERENT_FROM_RECORD;
        } else {
            onRecord = switch (stored.get().status()) {
                case VALID -> OnRecord.CURRENT;
                case ANNULLED -> OnRecord.ANNULLED;
                case REPLACED -> OnRecord.REPLACED;
            };
        }
        return new FileCheck(true, Optional.empty(), verified.report().message(), Optional.of(PublicFacts.of(content)), onRecord,
                stored.flatMap(StoredCertificate::statusChangedAt));
    }
}
