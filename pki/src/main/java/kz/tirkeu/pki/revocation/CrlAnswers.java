package kz.tirkeu.pki.revocation;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.pki.crypto.BouncyCastle;

/** Reads a CRL and decides whether to believe it: issued and signed by the certificate's CA, and current. */
final class CrlAnswers {

    private CrlAnswers() {}

    static Optional<X509CRL> parse(byte[] der) {
        try {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCRL(new ByteArrayInputStream(der)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the CRL is the issuer's, with a valid signature. */
    static boolean issuedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static RevocationStatus statusOf(X509CRL crl, X509Certificate cert, String source) {
        X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
        if (entry == null) {
            return new RevocationStatus.Good(crl.getThisUpdate().toInstant(), source);
        }
        int reason = entry.getRevocationReason() == null ? 0 : entry.getRevocationReason().ordinal();
        return new RevocationStatus.Revoked(entry.getRevocationDate().toInstant(), reason, source);
    }

    static Instant validUntil(X509CRL crl) {
        return crl.getNextUpdate() == null ? crl.getThisUpdate().toInstant() : crl.getNextUpdate().toInstant();
    }
}
