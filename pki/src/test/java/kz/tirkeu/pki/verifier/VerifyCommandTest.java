package kz.tirkeu.pki.verifier;

import static kz.tirkeu.pki.testing.TestCa.DEALER_BIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.document.DigitalDocumentIssuer;
import kz.tirkeu.pki.testing.TestCa;
import kz.tirkeu.pki.validation.ExpectedSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    private static TestCa ca;
    private static byte[] document;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        ca = TestCa.start();
        document = new DigitalDocumentIssuer(new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC()), ca.hierarchy().tsa(), ca.validator())
                .issue("{\"type\":\"vehicle-registration-certificate\",\"plate\":\"123 ABC 02\"}",
                        ca.organisation(DEALER_BIN, KeyAlgorithm.EC_P256), ExpectedSigner.organisation(DEALER_BIN));
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    private record Run(int exit, String out, String err) {}

    private Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsContentSignerAndReportAndExitsZeroWhenPassed() throws Exception {
        Path file = Files.write(dir.resolve("certificate.p7m"), document);
        Path root = Files.writeString(dir.resolve("root.pem"), ca.rootPem());

        Run run = verify(file.toString(), "--trust", root.toString(), "--offline");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("\"plate\": \"123 ABC 02\"")
                .contains("Result: PASSED")
                .contains("BIN: " + DEALER_BIN)
                .contains("time-stamp (proof of existence)");
    }

    @Test
    void exitsOneForAChangedDocument() throws Exception {
        byte[] tampered = document.clone();
        tampered[new String(document, StandardCharsets.ISO_8859_1).indexOf("123 ABC 02")] = '7';
        Path file = Files.write(dir.resolve("certificate.p7m"), tampered);
        Path root = Files.writeString(dir.resolve("root.pem"), ca.rootPem());

        Run run = verify(file.toString(), "--trust", root.toString(), "--offline");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Result: FAILED / HASH_FAILURE");
    }

    @Test
    void exitsTwoWhenTheRootIsNotTheIssuers() throws Exception {
        try (TestCa other = TestCa.start()) {
            Path file = Files.write(dir.resolve("certificate.p7m"), document);
            Path root = Files.writeString(dir.resolve("other-root.pem"), other.rootPem());
            Run run = verify(file.toString(), "--trust", root.toString(), "--offline");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).contains("NO_CERTIFICATE_CHAIN_FOUND");
        }
    }

    @Test
    void explainsUsageMistakesWithoutAStackTrace() throws Exception {
        Path file = Files.write(dir.resolve("certificate.p7m"), document);
        Run noTrust = verify(file.toString());
        assertThat(noTrust.exit()).isEqualTo(64);
        assertThat(noTrust.err()).contains("no trusted root given").contains("Usage:");

        Run missing = verify(dir.resolve("absent.p7m").toString(), "--trust", file.toString());
        assertThat(missing.exit()).isEqualTo(66);
        assertThat(missing.err()).contains("Cannot read").doesNotContain("Exception");

        Run badRoot = verify(file.toString(), "--trust", file.toString());
        assertThat(badRoot.exit()).isEqualTo(66);
        assertThat(badRoot.err()).contains("Cannot read a trusted root");
    }
}
