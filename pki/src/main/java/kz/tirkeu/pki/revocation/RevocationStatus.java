package kz.tirkeu.pki.revocation;

import java.time.Instant;

/** What the CA says of a certificate. {@link Unknown} is never to be read as good. */
public sealed interface RevocationStatus {

    /** Not revoked as of {@code asOf} (an OCSP response's producedAt or a CRL's thisUpdate). */
    record Good(Instant asOf, String source) implements RevocationStatus {}

    /** Revoked since {@code revokedAt}, with the RFC 5280 reason code. */
    record Revoked(Instant revokedAt, int reason, String source) implements RevocationStatus {}

    /** Could not be determined: no responder answered, or no answer could be trusted. */
    record Unknown(String why) implements RevocationStatus {}
}
