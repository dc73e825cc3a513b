package kz.tirkeu.pki.validation;

import java.util.Optional;
import kz.tirkeu.pki.cert.KeyPurpose;

/**
 * One signature to validate, and what the caller requires of it.
 *
 * @param cms              the DER-encoded CMS SignedData
 * @param detachedContent  the signed bytes when the CMS does not carry them
 * @param purpose          the key purpose required: SIGN for documents, AUTH for sign-in challenges
 * @param expectedSigner   who must have signed
 * @param requireTimeStamp whether a signature time-stamp (CAdES-T) is mandatory
 */
public record ValidationRequest(
        byte[] cms,
        Optional<byte[]> detachedContent,
        KeyPurpose purpose,
        ExpectedSigner expectedSigner,
        boolean requireTimeStamp) {

    /** A document signature (SIGN key) by anyone, content attached, time-stamp optional. */
    public static ValidationRequest of(byte[] cms) {
        return new ValidationRequest(cms, Optional.empty(), KeyPurpose.SIGN, ExpectedSigner.anyone(), false);
    }

    public ValidationRequest withDetachedContent(byte[] content) {
        return new ValidationRequest(cms, Optional.of(content), purpose, expectedSigner, requireTimeStamp);
    }

    public ValidationRequest expecting(ExpectedSigner signer) {
        return new ValidationRequest(cms, detachedContent, purpose, signer, requireTimeStamp);
    }

    public ValidationRequest forPurpose(KeyPurpose keyPurpose) {
        return new ValidationRequest(cms, detachedContent, keyPurpose, expectedSigner, requireTimeStamp);
    }

    public ValidationRequest requiringTimeStamp() {
        return new ValidationRequest(cms, detachedContent, purpose, expectedSigner, true);
    }
}
