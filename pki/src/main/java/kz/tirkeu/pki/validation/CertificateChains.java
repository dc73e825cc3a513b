package kz.tirkeu.pki.validation;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.tirkeu.pki.cert.KzCertificate;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Builds the path from a signer's certificate to a trust anchor and validates it with the JDK's PKIX
 * validator (signatures, names, basic constraints, validity, critical extensions). Revocation is
 * checked separately, by {@link kz.tirkeu.pki.revocation.RevocationChecker}, so that an unreachable
 * CA gives INDETERMINATE rather than a PKIX error.
 */
final class CertificateChains {

    private static final int MAX_DEPTH = 8;

    private final Set<X509Certificate> anchors;

    CertificateChains(Set<X509Certificate> anchors) {
        this.anchors = anchors;
    }

    /** Signer first, anchor last; empty when no trusted root is reachable. Matching by name and key identifier; PKIX checks the signatures. */
    Optional<List<X509Certificate>> pathFor(X509Certificate signer, Collection<X509Certificate> pool) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        X509Certificate current = signer;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Optional<X509Certificate> anchor = issuerAmong(current, anchors);
            if (anchor.isPresent()) {
                if (!anchor.get().equals(current)) {
                    path.add(anchor.get());
                }
                return Optional.of(path);
            }
            Optional<X509Certificate> next = issuerAmong(current, pool).filter(c -> !path.contains(c));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            path.add(next.get());
            current = next.get();
        }
        return Optional.empty();
    }

    /** Runs PKIX over the path at the given time; empty when it holds, else the failure. */
    Optional<PathFailure> validate(List<X509Certificate> path, Instant at) {
        if (path.size() < 2) {
            return Optional.of(new PathFailure(SubIndication.CHAIN_CONSTRAINTS_FAILURE, "a trust anchor cannot sign documents itself"));
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath certPath = factory.generateCertPath(path.subList(0, path.size() - 1));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(path.getLast(), null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            boolean outOfBounds = e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
            String where = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " (" + KzCertificate.displayName(path.get(e.getIndex())) + ")" : "";
            return Optional.of(new PathFailure(
                    outOfBounds ? SubIndication.OUT_OF_BOUNDS_NO_POE
                            : e.getReason() == PKIXReason.NO_TRUST_ANCHOR ? SubIndication.NO_CERTIFICATE_CHAIN_FOUND
                            : e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE ? SubIndication.NO_CERTIFICATE_CHAIN_FOUND
                            : SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                    "the certificate chain does not hold at " + at + where + ": " + e.getMessage()));
        } catch (GeneralSecurityException e) {
            return Optional.of(new PathFailure(SubIndication.CHAIN_CONSTRAINTS_FAILURE, "cannot validate the chain: " + e.getMessage()));
        }
    }

    private static Optional<X509Certificate> issuerAmong(X509Certificate cert, Collection<X509Certificate> candidates) {
        byte[] authorityKeyId = keyIdentifier(cert, Extension.authorityKeyIdentifier);
        return candidates.stream()
                .filter(c -> c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()))
                .filter(c -> authorityKeyId == null || keyIdentifier(c, Extension.subjectKeyIdentifier) == null
                        || Arrays.equals(authorityKeyId, keyIdentifier(c, Extension.subjectKeyIdentifier)))
                .findFirst();
    }

    private static byte[] keyIdentifier(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier extension) {
        byte[] value = cert.getExtensionValue(extension.getId());
        if (value == null) {
            return null;
        }
        try {
            var parsed = org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(value);
            if (extension.equals(Extension.authorityKeyIdentifier)) {
                return org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(parsed).getKeyIdentifierOctets();
            }
            return org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(parsed).getKeyIdentifier();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    static String describe(List<X509Certificate> path) {
        return path.stream().map(KzCertificate::displayName).collect(Collectors.joining(" <- "));
    }

    record PathFailure(SubIndication subIndication, String message) {}
}
