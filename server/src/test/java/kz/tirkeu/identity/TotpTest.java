package kz.tirkeu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import kz.tirkeu.identity.totp.Totp;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff who enrol an authenticator app sign in with its code instead of an SMS (RFC 6238). */
@TirkeuServerTest
class TotpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    TestClock clock;

    TirkeuClient client;

    @BeforeEach
    void client() {
        client = new TirkeuClient(port);
        db.sql("delete from second_factor_lock").update();
        db.sql("delete from totp_enrolment").update();
    }

    @Test
    void matchesTheTestVectorsOfRfc6238() {
        // RFC 6238 Appendix B, SHA-1 secret "12345678901234567890"; six digits are the last six of the eight given.
        byte[] secret = "12345678901234567890".getBytes();
        assertThat(Totp.codeAt(secret, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.codeAt(secret, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.codeAt(secret, Totp.stepAt(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
        assertThat(Totp.base32("12345678901234567890".getBytes())).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void anEnrolledOfficerSignsInWithTheAppsCodeAndNoSmsIsSent() {
        String token = client.signIn("staff-police-officer");
        Reply enrolment = client.post("/api/v1/me/totp", "", token);
        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(enrolment.body().path("otpauthUri").asString()).startsWith("otpauth://totp/Tirkeu:").contains("issuer=Tirkeu");
        byte[] secret = base32Decode(enrolment.body().path("secret").asString());

        assertThat(client.post("/api/v1/me/totp/confirmation", Map.of("code", "000000".equals(code(secret)) ? "111111" : "000000"), token).code())
                .isEqualTo("CODE_WRONG");
        assertThat(client.post("/api/v1/me/totp/confirmation", Map.of("code", code(secret)), token).status()).isEqualTo(204);

        clock.advance(java.time.Duration.ofSeconds(31)); // a code works once: the next sign-in needs the next step's
        Reply started = client.presentSignature(client.key("staff-police-officer", "auth"));
        assertThat(started.body().path("secondFactor").asString()).isEqualTo("TOTP");
        Reply confirmed = client.post("/api/v1/auth/sign-ins/" + started.body().path("signInId").asString() + "/confirmation",
                Map.of("code", code(secret)), null);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(client.get("/api/v1/me", confirmed.body().path("accessToken").asString()).body().path("roles").toString()).contains("POLICE_OFFICER");

        Reply again = client.presentSignature(client.key("staff-police-officer", "auth"));
        Reply reused = client.post("/api/v1/auth/sign-ins/" + again.body().path("signInId").asString() + "/confirmation",
                Map.of("code", code(secret)), null);
        assertThat(reused.code()).as("the same code twice").isEqualTo("CODE_WRONG");
        clock.reset();
    }

    @Test
    void buyersCannotEnrol() {
        assertThat(client.post("/api/v1/me/totp", "", client.signIn("buyer-aidar")).code()).isEqualTo("NOT_ALLOWED");
    }

    private String code(byte[] secret) {
        return Totp.codeAt(secret, Totp.stepAt(clock.instant()));
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
