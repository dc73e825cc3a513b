package kz.tirkeu.sandbox.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.sandbox.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA's register of every certificate it issued, one PEM file per serial. The CA toolkit keeps that
 * list in memory only; without it, after a restart the OCSP responder would answer "unknown" for a
 * certificate that was replaced (renewed) but is still in someone's signed document.
 */
final class IssuedCertificates {

    private static final Logger log = LoggerFactory.getLogger(IssuedCertificates.class);

    private final Path dir;

    IssuedCertificates(Path dir) {
        this.dir = dir;
    }

    void record(X509Certificate certificate) throws IOException {
        AtomicFiles.write(dir.resolve(certificate.getSerialNumber().toString(16) + ".pem"),
                Pem.write(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    List<X509Certificate> all() throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return certificates;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                try {
                    certificates.add(Pem.readCertificate(Files.readAllBytes(file)));
                } catch (IllegalArgumentException e) {
                    log.warn("Skipping {}: not a certificate ({})", file, e.getMessage());
                }
            }
        }
        return certificates;
    }
}
