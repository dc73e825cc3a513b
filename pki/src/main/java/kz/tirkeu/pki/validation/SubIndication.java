package kz.tirkeu.pki.validation;

/**
 * Why a signature did not pass. Most are ETSI EN 319 102-1 sub-indications under their own names;
 * the four marked "platform" refine ETSI's SIG_CONSTRAINTS_FAILURE, because for a state service a
 * wrong signer, role or key purpose is a definite refusal, not something to try again.
 */
public enum SubIndication {
    // TOTAL-FAILED
    FORMAT_FAILURE(Indication.FAILED, "FORMAT_FAILURE", "the signature is not a readable CMS / CAdES structure"),
    HASH_FAILURE(Indication.FAILED, "HASH_FAILURE", "the signed content was changed after signing"),
    SIG_CRYPTO_FAILURE(Indication.FAILED, "SIG_CRYPTO_FAILURE", "the signature value does not match the signer's certificate"),
    REVOKED(Indication.FAILED, "REVOKED", "the certificate was revoked before the signature was made"),
    EXPIRED(Indication.FAILED, "EXPIRED", "the signature was made after the certificate expired"),
    NOT_YET_VALID(Indication.FAILED, "NOT_YET_VALID", "the signature was made before the certificate became valid"),
    /** platform */
    KEY_PURPOSE_FAILURE(Indication.FAILED, "SIG_CONSTRAINTS_FAILURE", "the key is not meant for this use (e.g. an authentication key used to sign a document)"),
    /** platform */
    SIGNER_ROLE_FAILURE(Indication.FAILED, "SIG_CONSTRAINTS_FAILURE", "the signer does not hold the role required (e.g. an individual's key where a legal entity's is needed)"),
    /** platform */
    SIGNER_IDENTITY_FAILURE(Indication.FAILED, "SIG_CONSTRAINTS_FAILURE", "the signer is not the person or organisation expected (IIN or BIN)"),
    /** platform */
    TIMESTAMP_FAILURE(Indication.FAILED, "SIG_CONSTRAINTS_FAILURE", "the signature time-stamp is invalid or does not cover this signature"),

    // INDETERMINATE
    SIGNED_DATA_NOT_FOUND(Indication.INDETERMINATE, "SIGNED_DATA_NOT_FOUND", "the signed content is not in the CMS and was not supplied"),
    NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE, "NO_SIGNING_CERTIFICATE_FOUND", "the signer's certificate is not in the CMS"),
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE, "NO_CERTIFICATE_CHAIN_FOUND", "the certificate does not chain to a trusted root"),
    CHAIN_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "CHAIN_CONSTRAINTS_FAILURE", "the certificate chain breaks a constraint"),
    CRYPTO_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "CRYPTO_CONSTRAINTS_FAILURE", "the signature uses an algorithm that is not accepted"),
    OUT_OF_BOUNDS_NO_POE(Indication.INDETERMINATE, "OUT_OF_BOUNDS_NO_POE", "the certificate has expired and nothing proves the signature was made before"),
    REVOKED_NO_POE(Indication.INDETERMINATE, "REVOKED_NO_POE", "the certificate is revoked and nothing proves the signature was made before"),
    NO_POE(Indication.INDETERMINATE, "NO_POE", "a time-stamp is required and there is none"),
    TRY_LATER(Indication.INDETERMINATE, "TRY_LATER", "the certificate's revocation status cannot be determined now");

    private final Indication indication;
    private final String etsiName;
    private final String meaning;

    SubIndication(Indication indication, String etsiName, String meaning) {
        this.indication = indication;
        this.etsiName = etsiName;
        this.meaning = meaning;
    }

    public Indication indication() {
        return indication;
    }

    /** The ETSI EN 319 102-1 sub-indication this one is or refines. */
    public String etsiName() {
        return etsiName;
    }

    public String meaning() {
        return meaning;
    }
}
