package kz.tirkeu.registry.verification;

import java.time.Instant;
import java.time.LocalDate;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.registry.certificate.CertificateChecks;
import kz.tirkeu.registry.certificate.CertificateStatus;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public verification page for machines (an insurer's or a marketplace's system reading the QR
 * code): the same facts as the page, never the owner.
 */
@RestController
@PublicEndpoint // whoever holds the code may check the certificate, as on the page
class VerificationApi {

    private final CertificateChecks checks;

    VerificationApi(CertificateChecks checks) {
        this.checks = checks;
    }

    /**
     * @param current           whether this certificate proves the registration today: status VALID and its signature verifies
     * @param signatureVerifies whether the signed original on record still verifies against the CA's root
     * @param signatureFailure  the ETSI-style reason when it does not, e.g. {@code REVOKED}
     */
    record VerificationResult(String seriesAndNumber, String plateNumber, String make, String model, int year, LocalDate issueDate,
                              String issuingUnit, CertificateStatus status, Instant statusChangedAt, boolean signatureVerifies,
                              String signatureFailure, boolean current) {}

    @GetMapping("/api/v1/verify/{code}")
    VerificationResult verify(@PathVariable String code) {
        CertificateChecks.CodeCheck check = checks.byCode(code).orElseThrow(() -> new ProblemException("VERIFICATION_CODE_UNKNOWN",
                HttpStatus.NOT_FOUND, "No registration certificate has this verification code. Check the address or scan the QR code again."));
        CertificateChecks.PublicFacts f = check.facts();
        return new VerificationResult(f.seriesAndNumber(), f.plateNumber(), f.make(), f.model(), f.year(), f.issueDate(), f.issuingUnit(),
                check.status(), check.statusChangedAt().orElse(null), check.signatureVerifies(),
                check.signatureFailure().map(Enum::name).orElse(null), check.current());
    }
}
