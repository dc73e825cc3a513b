package kz.tirkeu.pki.cert;

/**
 * What a key may be used for. The НУЦ issues every person two keys: one to authenticate (sign in)
 * and one to sign documents; a document signed with the AUTH key is not a valid signature.
 */
public enum KeyPurpose {
    /** digitalSignature + keyEncipherment, EKU clientAuth. */
    AUTH,
    /** digitalSignature + nonRepudiation, EKU emailProtection. */
    SIGN,
    /** Time-stamping authority (EKU timeStamping). */
    TIME_STAMPING,
    /** Delegated OCSP responder (EKU OCSPSigning). */
    OCSP_SIGNING,
    /** A certification authority (basic constraints CA). */
    CERTIFICATE_AUTHORITY,
    /** None of the above. */
    OTHER
}
