package kz.tirkeu.partner.client;

import java.security.cert.X509Certificate;
import java.util.List;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.signatures.SignatureVerification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A partner system's certificate, checked as the platform checks every signer's (Digital Code Art. 33), by the same
 * validator with the same trust anchors and revocation cache: it must chain to an accredited CA, be valid now, not be
 * revoked, be an authentication key, and belong to the partner's organisation (a BIN and no IIN). Checked when the
 * partner is registered and again at every token request, so a revoked certificate stops the partner within the
 * revocation answers' validity.
 */
@Component
class SystemCertificates {

    private static final byte[] NO_CMS = new byte[0];

    private final SignatureVerification signatures;

    SystemCertificates(SignatureVerification signatures) {
        this.signatures = signatures;
    }

    /** @param refusal the status of a refusal: 401 to a partner asking for a token, 422 to an administrator registering one */
    void check(List<X509Certificate> chain, Bin organisation, HttpStatus refusal) {
        ValidationReport report = signatures.validateCertificate(chain.getFirst(), chain.subList(1, chain.size()),
                ValidationRequest.of(NO_CMS).forPurpose(KeyPurpose.AUTH).expecting(ExpectedSigner.organisation(organisation)));
        if (report.passed()) {
            return;
        }
        SubIndication sub = report.subIndication().orElse(SubIndication.FORMAT_FAILURE);
        throw switch (sub) {
            case REVOKED, REVOKED_NO_POE -> new ProblemException("CERTIFICATE_REVOKED", refusal,
                    "The partner system's certificate has been revoked. " + report.message(), report.message()).situation("partner");
            case TRY_LATER -> new ProblemException("REVOCATION_UNKNOWN", HttpStatus.SERVICE_UNAVAILABLE,
                    "The partner system's certificate status cannot be checked right now; try again in a few minutes. " + report.message(), report.message())
                    .situation("partner");
            case NO_CERTIFICATE_CHAIN_FOUND, CHAIN_CONSTRAINTS_FAILURE -> new ProblemException("CERTIFICATE_NOT_TRUSTED", refusal,
                    "The partner system's certificate is not issued by an accredited certification authority. " + report.message(), report.message())
                    .situation("partner");
            default -> new ProblemException("CERTIFICATE_NOT_ACCEPTED", refusal, "The partner system's certificate cannot be accepted. " + report.message(),
                    report.message());
        };
    }
}
