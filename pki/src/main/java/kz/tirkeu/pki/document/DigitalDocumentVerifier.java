package kz.tirkeu.pki.document;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.Indication;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Verifies a digital document file: a CAdES-T signature (time-stamp required) over RFC 8785
 * canonical JSON. Content that is not canonical JSON is a format failure even when the signature
 * holds, because two readers could then disagree on what was signed.
 */
public final class DigitalDocumentVerifier {

    private final SignatureValidator validator;

    public DigitalDocumentVerifier(SignatureValidator validator) {
        this.validator = validator;
    }

    public VerifiedDocument verify(byte[] file, ExpectedSigner expected) {
        ValidationReport report = validator.validate(ValidationRequest.of(file).expecting(expected).requiringTimeStamp());
        if (report.indication() != Indication.FAILED && !isDistinguishedEncoding(file)) {
            // Documents are issued in DER, the one encoding of their structure; any other encoding of
            // the same file was made after issue, even where a lenient parser reads the same values.
            report = new ValidationReport(Indication.FAILED, Optional.of(SubIndication.FORMAT_FAILURE),
                    "The file is not in the DER encoding it was issued in: it was altered after issue.",
                    report.validationTime(), report.signers());
        }
        Optional<byte[]> content = contentOf(file);
        Optional<String> text = content.map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        if (content.isPresent() && !CanonicalJson.isCanonical(content.get()) && report.indication() != Indication.FAILED) {
            report = new ValidationReport(Indication.FAILED, Optional.of(SubIndication.FORMAT_FAILURE),
                    "The signed content is not RFC 8785 canonical JSON, so this is not a Tirkeu digital document.",
                    report.validationTime(), report.signers());
        }
        return new VerifiedDocument(text, report);
    }

    private static boolean isDistinguishedEncoding(byte[] file) {
        try {
            return java.util.Arrays.equals(new CMSSignedData(file).getEncoded("DER"), file);
        } catch (Exception e) {
            return false;
        }
    }

    private static Optional<byte[]> contentOf(byte[] file) {
        try {
            CMSSignedData signed = new CMSSignedData(file);
            return Optional.ofNullable(signed.getSignedContent()).map(c -> (byte[]) c.getContent());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
