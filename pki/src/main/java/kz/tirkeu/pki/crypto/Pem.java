package kz.tirkeu.pki.crypto;

import kz.tirkeu.pki.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reading and writing certificates as PEM or DER. */
public final class Pem {
    private Pem() {}

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Every certificate in a PEM bundle or a single DER certificate. */
    public static List<X509Certificate> readCertificates(byte[] pemOrDer) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> certs =
                    factory.generateCertificates(new ByteArrayInputStream(pemOrDer));
            if (certs.isEmpty()) {
                throw new InvalidInputException("no certificate found");
            }
            return certs.stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new InvalidInputException("not a certificate in PEM or DER: " + e.getMessage(), e);
        }
    }

    public static X509Certificate readCertificate(byte[] pemOrDer) {
        return readCertificates(pemOrDer).getFirst();
    }
}
