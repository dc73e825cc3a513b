package kz.tirkeu.regime;

import kz.tirkeu.platform.CannotServe;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.Indication;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.signatures.SignatureVerification;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a CAdES signature NCALayer made over a document the platform prepared (a decision of the authorised body, a
 * dealer's periodic report): over exactly those bytes, attached or detached, by the expected signer, valid now.
 */
@Component
public class SignedDocuments {

    private final SignatureVerification verification;
    private final JsonMapper json = JsonMapper.builder().build();

    SignedDocuments(SignatureVerification verification) {
        this.verification = verification;
    }

    /**
     * @param what the document, for the messages ("The decision", "The report")
     * @param codePrefix the problems' codes start with it: DECISION → DECISION_SIGNATURE_MISMATCH, DECISION_SIGNATURE_INVALID
     */
    public ValidationReport check(byte[] bytes, byte[] cms, ExpectedSigner signer, String what, String codePrefix) {
        Optional<byte[]> attached = attachedContent(cms, codePrefix);
        if (attached.isPresent() && !Arrays.equals(attached.get(), bytes)) {
            throw new InvalidRegime(codePrefix + "_SIGNATURE_MISMATCH", "The signature is over something other than this " + what.toLowerCase()
                    + ". Sign the dataToSign you were given.");
        }
        ValidationRequest request = ValidationRequest.of(cms).expecting(signer);
        ValidationReport report = verification.validate(attached.isPresent() ? request : request.withDetachedContent(bytes));
        if (!report.passed()) {
            boolean later = report.indication() == Indication.INDETERMINATE && report.subIndication().orElse(null) == SubIndication.TRY_LATER;
            throw new InvalidRegime(codePrefix + "_SIGNATURE_INVALID", later ? CannotServe.Reason.UNAVAILABLE : CannotServe.Reason.INVALID,
                    what + " is not recorded: its signature " + (later ? "cannot be checked now (the CA does not answer); try again shortly." :
                            "is not valid — " + report.message() + report.subIndication().map(s -> " (" + s + ")").orElse("")
                                    + ". Sign with your own SIGN key."), report.message() + report.subIndication().map(s -> " (" + s + ")").orElse(""))
                    .situation(later ? "unavailable" : "notValid");
        }
        return report;
    }

    /** What the validation found, as stored beside the signature: the indication and who signed with which certificate. */
    public String reportJson(ValidationReport report) {
        String signer = report.signers().stream().flatMap(s -> s.signer().stream())
                .map(c -> c.commonName() + c.iin().map(i -> ", IIN " + i.value()).orElse("") + ", certificate " + c.serialHex()).findFirst().orElse("");
        return json.writeValueAsString(Map.of("indication", report.indication().name(), "signer", signer));
    }

    private static Optional<byte[]> attachedContent(byte[] cms, String codePrefix) {
        try {
            return Optional.ofNullable(new CMSSignedData(cms).getSignedContent()).map(content -> (byte[]) content.getContent());
        } catch (CMSException | RuntimeException e) {
            throw new InvalidRegime(codePrefix + "_SIGNATURE_INVALID", "The signature is not a CMS (PKCS#7) signature: send what NCALayer returned, in base64.")
                    .situation("notCms");
        }
    }
}
