package kz.tirkeu.pki.ca;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Set;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;

/** What an end-entity certificate should say. The validity window is explicit so tests can make expired or future certificates. */
public record CertificateRequest(
        SubjectSpec subject,
        PublicKey publicKey,
        KeyPurpose purpose,
        Set<KzRole> roles,
        Instant notBefore,
        Instant notAfter) {

    public CertificateRequest {
        roles = Set.copyOf(roles);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }
}
