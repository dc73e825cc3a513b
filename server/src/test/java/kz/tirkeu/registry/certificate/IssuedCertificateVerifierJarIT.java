package kz.tirkeu.registry.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration certificate the platform issued in this build (kept by RegistrationToHandoverTest),
 * checked as anyone outside the platform would (Digital Code Art. 36): the packaged verifier jar, the
 * CA's root, {@code --offline}. The genuine file passes; the same file with its plate changed fails.
 */
class IssuedCertificateVerifierJarIT {

    @Test
    void thePackagedVerifierChecksAnIssuedCertificateOfflineAndCatchesAChangedPlate(@TempDir Path dir) throws Exception {
        Path kept = Path.of("target", "issued-certificate");
        Path certificate = kept.resolve("certificate.p7m");
        assertThat(certificate).as("RegistrationToHandoverTest keeps the certificate it downloads").exists();
        String plate = Files.readString(kept.resolve("plate.txt"));
        byte[] genuine = Files.readAllBytes(certificate);

        Output accepted = verify(certificate, kept.resolve("root.pem"));
        assertThat(accepted.exit()).as(accepted.text()).isZero();
        assertThat(accepted.text()).contains("Result: PASSED").contains(plate);

        byte[] changed = genuine.clone();
        int at = new String(genuine, StandardCharsets.ISO_8859_1).indexOf(plate);
        assertThat(at).as("the plate is in the signed content").isPositive();
        changed[at] = (byte) (changed[at] == '9' ? '8' : changed[at] + 1);
        Output rejected = verify(Files.write(dir.resolve("tampered.p7m"), changed), kept.resolve("root.pem"));
        assertThat(rejected.exit()).as(rejected.text()).isEqualTo(1);
        assertThat(rejected.text()).contains("Result: FAILED");
    }

    private static Output verify(Path document, Path root) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("..", "pki", "target", "tirkeu-verify.jar").toAbsolutePath().normalize();
        assertThat(jar).as("built by the pki module before the server").exists();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), document.toString(), "--trust", root.toString(), "--offline"))
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Output(process.exitValue(), text);
    }

    private record Output(int exit, String text) {}
}
