package kz.tirkeu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import kz.tirkeu.platform.retention.RetentionPurge;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue [7]: an anonymous client stored a sign-in challenge with every request (488 a second) and nothing ever deleted
 * expired challenges, sessions or idempotency answers. Challenges are limited per address; everything short-lived is
 * purged after its retention period, and what is still in its period stays.
 */
@TirkeuServerTest
class ShortLivedRecordsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    TestClock clock;

    @Autowired
    RetentionPurge purge;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oneAddressGetsOnlySoManyChallengesAMinute() throws Exception {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 120; i++) {
            assertThat(challengeFrom(address).statusCode()).as("challenge %d", i + 1).isEqualTo(201);
        }

        HttpResponse<String> refused = challengeFrom(address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(challengeFrom("198.51.100.7").statusCode()).as("another address").isEqualTo(201);

        clock.advance(Duration.ofMinutes(1));
        assertThat(challengeFrom(address).statusCode()).as("the next minute").isEqualTo(201);
    }

    @Test
    void shortLivedRecordsGoAfterTheirRetentionPeriodAndNotBefore() {
        TirkeuClient client = new TirkeuClient(port);
        UUID unsigned = UUID.fromString(client.post("/api/v1/auth/challenges", "", null).body().path("challengeId").asString());
        String token = client.signIn("buyer-aidar");
        // The token's SHA-256 is what the platform keeps, never the token.
        UUID session = db.sql("select id from session where token_hash = sha256(convert_to(?, 'SQL_ASCII'))").param(token).query(UUID.class).single();

        clock.advance(Duration.ofDays(2));
        purge.purge();
        assertThat(exists("sign_in_challenge", unsigned)).as("an unsigned challenge, a day after it expired").isFalse();
        assertThat(exists("session", session)).as("an ended session is kept a year").isTrue();

        clock.advance(Duration.ofDays(365));
        purge.purge();
        assertThat(exists("session", session)).as("a year after it ended").isFalse();
        assertThat(db.sql("select count(*) from sign_in_attempt a where not exists (select 1 from session s where s.sign_in_attempt_id = a.id) "
                + "and a.code_expires_at < ?").param(clock.instant().minus(Duration.ofDays(91)).atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single())
                .as("failed sign-ins past 90 days").isZero();
        assertThat(db.sql("select count(*) from idempotent_request where created_at < ?")
                .param(clock.instant().minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single()).isZero();
    }

    private boolean exists(String table, UUID id) {
        return db.sql("select count(*) from " + table + " where id = ?").param(id).query(Long.class).single() > 0;
    }

    private HttpResponse<String> challengeFrom(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/challenges"))
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
