package kz.tirkeu.pki.revocation;

/**
 * The signed proof a revocation status rests on: a DER-encoded OCSP response or CRL. Embedded in a
 * digital document, it lets the document be verified later without reaching the CA.
 */
public record RevocationEvidence(Kind kind, byte[] der) {

    public enum Kind { OCSP_RESPONSE, CRL }
}
