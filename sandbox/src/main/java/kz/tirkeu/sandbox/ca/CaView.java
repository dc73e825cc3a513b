package kz.tirkeu.sandbox.ca;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/** What {@code GET /sandbox/ca} answers: where the CA's services are, and which root to trust. */
record CaView(String base, String ocsp, String tsa, List<String> crls, CertificateView root, CertificateView intermediate) {

    /** The SHA-256 fingerprint lets a tester check the root they configured is this one. */
    record CertificateView(String subject, String serial, Instant notBefore, Instant notAfter, String sha256, String pem, String der) {

        static CertificateView of(X509Certificate certificate, String pem, String der) {
            return new CertificateView(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString(), certificate.getSerialNumber().toString(16),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), fingerprint(certificate), pem, der);
        }

        private static String fingerprint(X509Certificate certificate) {
            try {
                return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
