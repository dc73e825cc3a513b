package kz.tirkeu.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox stopped and started again on the same data directory and address: testers keep the
 * root they trusted and the keys they downloaded, and what they revoked stays revoked.
 */
class SandboxRestartTest {

    private static final byte[] DOCUMENT = "{\"application\":\"A-2026-000044\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void theCaItsKeysAndItsRevocationsSurviveARestart() throws IOException {
        int port = freePort();
        SandboxHttp sandbox = SandboxHttp.onPort(port);
        X509Certificate root;
        SigningCredential revoked;
        SigningCredential kept;
        X509Certificate renewedAway;
        String revokedAt;
        try (ConfigurableApplicationContext first = start(port)) {
            root = sandbox.root();
            revoked = sandbox.download("buyer-aigerim", "SIGN");
            kept = sandbox.download("dealer2-head", "SIGN");
            renewedAway = sandbox.download("buyer-daulet", "AUTH").certificate();
            sandbox.post("/personas/buyer-aigerim/sign/revocation", "application/json", "{\"reason\": 1}".getBytes(StandardCharsets.UTF_8));
            sandbox.post("/personas/buyer-daulet/auth/renewal");
            revokedAt = sandbox.key("buyer-aigerim", "SIGN").get("revokedAt").stringValue();
        }

        try (ConfigurableApplicationContext second = start(port)) {
            assertThat(sandbox.root()).isEqualTo(root);
            assertThat(sandbox.download("dealer2-head", "SIGN").certificate()).isEqualTo(kept.certificate());
            assertThat(sandbox.key("buyer-aigerim", "SIGN").get("status").stringValue()).isEqualTo("revoked");
            assertThat(sandbox.key("buyer-aigerim", "SIGN").get("revokedAt").stringValue()).isEqualTo(revokedAt);

            ValidationReport good = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(DOCUMENT, kept)));
            ValidationReport bad = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(DOCUMENT, revoked)));
            assertThat(good.passed()).as(good.toText()).isTrue();
            assertThat(bad.subIndication()).as(bad.toText()).contains(SubIndication.REVOKED);
            assertThat(sandbox.ocsp(renewedAway).getCertStatus()).as("a replaced certificate is still known, as revoked")
                    .isInstanceOf(RevokedStatus.class);
        }
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(SandboxApplication.class)
                .properties("server.port=" + port, "tirkeu.sandbox.data-dir=" + dataDir, "tirkeu.sandbox.mail.smtp-port=0")
                .run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
