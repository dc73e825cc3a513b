package kz.tirkeu.pki.verifier;

import static kz.tirkeu.pki.testing.TestCa.DEALER_BIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.document.DigitalDocumentIssuer;
import kz.tirkeu.pki.testing.TestCa;
import kz.tirkeu.pki.validation.ExpectedSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged verifier, run as a user would: {@code java -jar pki/target/tirkeu-verify.jar}, in its
 * own JVM, with a document issued by the CA toolkit. Runs after {@code package} (failsafe).
 */
class VerifierJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarAcceptsAnIssuedDocumentAndRejectsAOneByteChange() throws Exception {
        try (TestCa ca = TestCa.startRsa()) {
            byte[] document = new DigitalDocumentIssuer(new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC()),
                    ca.hierarchy().tsa(), ca.validator())
                    .issue("{\"type\":\"vehicle-registration-certificate\",\"vin\":\"XW8ZZZ61ZPG000042\",\"plate\":\"123 ABC 02\"}",
                            ca.organisation(DEALER_BIN, KeyAlgorithm.RSA_2048), ExpectedSigner.organisation(DEALER_BIN));
            Path root = Files.writeString(dir.resolve("root.pem"), ca.rootPem());
            Path genuine = Files.write(dir.resolve("certificate.p7m"), document);
            byte[] changed = document.clone();
            changed[new String(document, StandardCharsets.ISO_8859_1).indexOf("XW8ZZZ")] = 'Y';
            Path tampered = Files.write(dir.resolve("tampered.p7m"), changed);

            Output accepted = verifierJar(genuine, root);
            assertThat(accepted.exit()).as(accepted.text()).isZero();
            assertThat(accepted.text()).contains("Result: PASSED").contains("XW8ZZZ61ZPG000042");

            Output rejected = verifierJar(tampered, root);
            assertThat(rejected.exit()).as(rejected.text()).isEqualTo(1);
            assertThat(rejected.text()).contains("Result: FAILED");
        }
    }

    private Output verifierJar(Path document, Path root) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("target", "tirkeu-verify.jar").toAbsolutePath();
        assertThat(jar).exists();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), document.toString(), "--trust", root.toString(), "--offline"))
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Output(process.exitValue(), text);
    }

    private record Output(int exit, String text) {}
}
