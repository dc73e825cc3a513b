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
import tools.jackson.databind.JsonNode;
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
        Reply enrolment = client.post("/api/v1/me/totp", proof("staff-police-officer"), token);
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

    /** Issue [7]: a bearer token alone enrolled an app that then replaced the SMS code, and nothing could remove it. */
    @Test
    void changingTheSecondFactorNeedsAFreshSignatureAndIsToldAndCanBeUndone() {
        String token = client.signIn("staff-auditor");
        assertThat(client.post("/api/v1/me/totp", "", token).code()).as("a token alone").isEqualTo("FRESH_PROOF_REQUIRED");
        assertThat(client.post("/api/v1/me/totp", proof("buyer-aidar"), token).code()).as("someone else's key").isEqualTo("PROOF_NOT_YOURS");
        Map<String, String> used = proof("staff-auditor");
        Reply enrolment = client.post("/api/v1/me/totp", used, token);
        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(client.post("/api/v1/me/totp", used, token).code()).as("a proof works once").isEqualTo("CHALLENGE_INVALID");
        byte[] secret = base32Decode(enrolment.body().path("secret").asString());
        assertThat(client.post("/api/v1/me/totp/confirmation", Map.of("code", code(secret)), token).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/notices", token).body().toString()).contains("security.totp-enrolled");

        assertThat(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/me/totp"))
                .header("Content-Type", "application/json").method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()), token).code())
                .isEqualTo("FRESH_PROOF_REQUIRED");
        Reply removed = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/me/totp"))
                .header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(client.json().writeValueAsString(proof("staff-auditor")))), token);
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(204);
        assertThat(client.presentSignature(client.key("staff-auditor", "auth")).body().path("secondFactor").asString()).isEqualTo("SMS");
        assertThat(client.get("/api/v1/notices", token).body().toString()).contains("security.totp-removed");
    }

    /** A sign-in challenge signed with the persona's AUTH key: the fresh proof a change of the second factor needs. */
    private Map<String, String> proof(String persona) {
        JsonNode challenge = client.post("/api/v1/auth/challenges", "", null).body();
        return Map.of("challengeId", challenge.path("challengeId").asString(),
                "signature", client.signBase64(challenge.path("dataToSign").asString(), client.key(persona, "auth")));
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
