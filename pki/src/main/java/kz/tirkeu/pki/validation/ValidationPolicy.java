package kz.tirkeu.pki.validation;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;

/**
 * What the relying party trusts: the root certificates of accredited CAs (Digital Code Art. 33),
 * intermediate certificates it may use to complete chains, and the accepted algorithms.
 */
public record ValidationPolicy(Set<X509Certificate> trustAnchors, List<X509Certificate> knownIntermediates, SignatureAlgorithms algorithms) {

    public ValidationPolicy {
        trustAnchors = Set.copyOf(trustAnchors);
        knownIntermediates = List.copyOf(knownIntermediates);
    }

    public static ValidationPolicy trusting(X509Certificate... anchors) {
        return new ValidationPolicy(Set.of(anchors), List.of(), SignatureAlgorithms.defaults());
    }
}
