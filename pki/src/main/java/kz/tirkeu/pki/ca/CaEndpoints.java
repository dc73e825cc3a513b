package kz.tirkeu.pki.ca;

import java.net.URI;
import java.util.Optional;

/**
 * Where relying parties find a CA's services; written into every certificate the CA issues
 * (authority information access and CRL distribution points) so that a verifier can check
 * revocation with nothing but the certificate.
 */
public record CaEndpoints(Optional<URI> ocsp, Optional<URI> crl, Optional<URI> caIssuers) {

    public static CaEndpoints none() {
        return new CaEndpoints(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static CaEndpoints of(URI ocsp, URI crl, URI caIssuers) {
        return new CaEndpoints(Optional.ofNullable(ocsp), Optional.ofNullable(crl), Optional.ofNullable(caIssuers));
    }
}
