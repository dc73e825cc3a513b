package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A notice end to end: stored, its SMS sent through the sandbox SMS centre and confirmed by a signed
 * receipt, listed in the cabinet with its statuses, and read only when its recipient opens it.
 */
@TirkeuServerTest
class NoticesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    NotificationPoint notifications;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    JdbcClient db;

    TirkeuClient client;

    @BeforeEach
    void client() {
        client = new TirkeuClient(port);
        db.sql("delete from second_factor_lock").update();
    }

    @Test
    void aNoticeShowsDeliveredAndThenReadStatuses() {
        String token = client.signIn("buyer-aigerim");
        Iin iin = KzCertificate.of(client.key("buyer-aigerim", "auth").certificate()).iin().orElseThrow();
        NoticeId id = notifications.notify(new NoticeRequest(iin, "application.awaiting-buyer-consent",
                Map.of("applicationNumber", "A-2026-000042", "sellerName", "ТОО «Есіл Моторс»", "vehicle", "Chevrolet Onix", "deadline", "2026-12-02",
                        "regimeNotice@kk", "Сынақ режимі.", "regimeNotice@ru", "Тестовый режим.", "regimeNotice@en", "A test regime."),
                "A-2026-000042"));

        JsonNode notice = awaitSmsStatus(token, id, "DELIVERED");
        assertThat(channel(notice, "INBOX").path("status").asString()).isEqualTo("DELIVERED");
        assertThat(notice.path("readAt").isNull() || notice.path("readAt").isMissingNode()).as("listing does not read it").isTrue();

        Reply read = client.post("/api/v1/notices/" + id.value() + "/read", "", token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("firstTime").asBoolean()).isTrue();
        Reply again = client.post("/api/v1/notices/" + id.value() + "/read", "", token);
        assertThat(again.body().path("firstTime").asBoolean()).isFalse();
        assertThat(again.body().path("readAt").asString()).isEqualTo(read.body().path("readAt").asString());

        assertThat(find(token, id).path("readAt").asString()).isNotBlank();
    }

    @Test
    void nobodyReadsSomeoneElsesNotice() {
        Iin owner = KzCertificate.of(client.key("buyer-aigerim", "auth").certificate()).iin().orElseThrow();
        NoticeId id = notifications.notify(new NoticeRequest(owner, "application.expired",
                Map.of("applicationNumber", "A-2026-000043", "deadline", "2026-12-02"), "A-2026-000043"));

        Reply refused = client.post("/api/v1/notices/" + id.value() + "/read", "", client.signIn("buyer-daulet"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("NOTICE_NOT_FOUND");
        assertThat(db.sql("select read_at is null from notices where id = ?").param(id.value()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aPersonWhoGivesAnEmailGetsNoticesByEmailInTheirLanguageAndCanWithdrawIt() {
        String token = client.signIn("buyer-daulet");
        Iin iin = KzCertificate.of(client.key("buyer-daulet", "auth").certificate()).iin().orElseThrow();
        Reply given = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/me/notification-preferences"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"language\":\"ru\",\"email\":\"daulet@example.kz\"}")), token);
        assertThat(given.status()).as(given.body().toString()).isEqualTo(200);
        assertThat(given.body().path("email").asString()).isEqualTo("daulet@example.kz");

        NoticeId id = notifications.notify(new NoticeRequest(iin, "application.expired",
                Map.of("applicationNumber", "A-2026-000044", "deadline", "2026-12-02"), "A-2026-000044"));
        JsonNode mail = org.awaitility.Awaitility.await("the e-mail in the sandbox mail catcher").atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    dispatcher.dispatchDue();
                    return client.get("/sandbox/mail/v1/messages?to=daulet@example.kz", null).body();
                }, messages -> !messages.isEmpty());
        assertThat(mail.toString()).as("the sandbox mail catcher received it, in Russian").contains("A-2026-000044").contains("Срок заявления");
        assertThat(channel(find(token, id), "EMAIL").path("status").asString()).isEqualTo("SENT");

        Reply forgotten = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/me/notification-preferences/email"))
                .DELETE(), token);
        assertThat(forgotten.status()).isEqualTo(200);
        assertThat(client.get("/api/v1/me/notification-preferences", token).body().path("email").isNull()
                || client.get("/api/v1/me/notification-preferences", token).body().path("email").isMissingNode()).isTrue();
        assertThat(find(token, id).toString()).doesNotContain("daulet@example.kz");
    }

    private JsonNode awaitSmsStatus(String token, NoticeId id, String status) {
        return org.awaitility.Awaitility.await("the SMS " + status).atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    dispatcher.dispatchDue();
                    return find(token, id);
                }, notice -> notice != null && status.equals(channel(notice, "SMS").path("status").asString()));
    }

    private JsonNode find(String token, NoticeId id) {
        for (JsonNode notice : client.get("/api/v1/notices?size=100", token).body().path("notices")) {
            if (notice.path("id").toString().contains(id.value().toString())) {
                return notice;
            }
        }
        return null;
    }

    private static JsonNode channel(JsonNode notice, String channel) {
        for (JsonNode delivery : notice.path("deliveries")) {
            if (delivery.path("channel").asString().equals(channel)) {
                return delivery;
            }
        }
        return missing();
    }

    private static JsonNode missing() {
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
