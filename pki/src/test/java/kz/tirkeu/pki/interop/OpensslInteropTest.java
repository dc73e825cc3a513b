package kz.tirkeu.pki.interop;

import static kz.tirkeu.pki.testing.TestCa.BUYER_IIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.testing.TestCa;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with a CMS implementation we did not write: OpenSSL's {@code cms} command. A
 * signature OpenSSL makes with a person's PKCS#12 key must pass our validator, and ours must pass
 * {@code openssl cms -verify}. Requires the {@code openssl} command (Debian's openssl package).
 */
class OpensslInteropTest {

    private static final String PASSWORD = "Qwerty12";
    private static final String STATEMENT = "{\"application\":\"A-2026-000042\",\"buyerIin\":\"" + BUYER_IIN + "\"}";

    private static TestCa ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ca = TestCa.start();
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aSignatureMadeByOpensslWithAPersonasKeyFilePasses(KeyAlgorithm keyAlgorithm) throws Exception {
        SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN, keyAlgorithm);
        Path p12 = Files.write(dir.resolve("sign.p12"), buyer.toPkcs12("sign", PASSWORD.toCharArray()));
        Path content = Files.writeString(dir.resolve("statement.json"), STATEMENT);
        Path intermediate = Files.writeString(dir.resolve("intermediate.pem"), Pem.write(ca.hierarchy().intermediate().certificate()));

        openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:" + PASSWORD, "-nodes", "-out", dir.resolve("key-and-cert.pem").toString());
        openssl("cms", "-sign", "-binary", "-nodetach", "-cades", "-md", "sha256",
                "-signer", dir.resolve("key-and-cert.pem").toString(), "-certfile", intermediate.toString(),
                "-in", content.toString(), "-outform", "DER", "-out", dir.resolve("signed.p7m").toString());

        ValidationReport report = ca.validator().validate(ValidationRequest.of(Files.readAllBytes(dir.resolve("signed.p7m")))
                .expecting(ExpectedSigner.individual(BUYER_IIN)));

        assertThat(report.passed()).as(report.toText()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aCadesTSignatureMadeByUsVerifiesWithOpenssl(KeyAlgorithm keyAlgorithm) throws Exception {
        SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN, keyAlgorithm);
        byte[] cms = new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC())
                .sign(STATEMENT.getBytes(StandardCharsets.UTF_8), buyer, Packaging.ATTACHED, Optional.of(ca.hierarchy().tsa()));
        Path signed = Files.write(dir.resolve("ours.p7m"), cms);
        Path root = Files.writeString(dir.resolve("root.pem"), ca.rootPem());

        openssl("cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-CAfile", root.toString(),
                "-out", dir.resolve("content.json").toString());
        assertThat(Files.readString(dir.resolve("content.json"))).isEqualTo(STATEMENT);

        byte[] tampered = cms.clone();
        int at = new String(cms, StandardCharsets.ISO_8859_1).indexOf("A-2026-000042");
        tampered[at] = 'B';
        Files.write(signed, tampered);
        Result refused = run(List.of("openssl", "cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-CAfile", root.toString(),
                "-out", dir.resolve("content2.json").toString()));
        assertThat(refused.exitCode()).as("openssl must refuse a changed document").isNotZero();
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Result result = run(command);
        assertThat(result.exitCode()).as("%s\n%s", String.join(" ", command), result.output()).isZero();
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
