package kz.tirkeu.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import kz.tirkeu.partner.client.SandboxPartner;
import kz.tirkeu.partner.webhook.WebhookSignature;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue [11] point 4, over real HTTP: a partner's webhook receivers (small HTTP servers here) get signed deliveries of
 * the status changes of the applications people started through the partner, in order, with event ids; a receiver that
 * fails first gets retries; the partner sees every attempt in its delivery log and can have an event sent again.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksTest {

    @LocalServerPort
    int port;
    @Autowired
    SandboxPartner sandboxPartner;
    @Autowired
    TestClock clock;

    TirkeuClient client;
    PartnerSystem dms;
    String token;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger flakyFailuresLeft = new AtomicInteger(2);
    final List<String> webhooks = new ArrayList<>();

    record Received(String path, String body, String signature, String eventId, String attempt, int answered) {
        JsonNode json(TirkeuClient client) {
            return client.json().readTree(body);
        }
    }

    @BeforeAll
    void partnerAndReceivers() throws IOException {
        client = new TirkeuClient(port);
        sandboxPartner.register();
        dms = new PartnerSystem(client, clock, "dealer1-dms", client.key("dealer1-dms", "auth").privateKey());
        token = dms.token();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            int status = path.endsWith("/flaky") && flakyFailuresLeft.getAndDecrement() > 0 ? 500 : 200;
            received.add(new Received(path, body, exchange.getRequestHeaders().getFirst("Tirkeu-Signature"),
                    exchange.getRequestHeaders().getFirst("Tirkeu-Event-Id"), exchange.getRequestHeaders().getFirst("Tirkeu-Delivery-Attempt"), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void endWebhooksAndReceivers() {
        webhooks.forEach(id -> client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/partner/webhooks/" + id))
                .DELETE(), dms.token()));
        receiver.stop(0);
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private String subscribe(String path) {
        Reply reply = dms.post("/api/v1/partner/webhooks", Map.of("url", receiverUrl(path)), token, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        webhooks.add(reply.body().path("webhookId").asString());
        assertThat(reply.body().path("signatureHeader").asString()).isEqualTo("Tirkeu-Signature");
        return reply.body().path("secret").asString();
    }

    @Test
    void onlyHttpsOrTheLoopbackUnderTheRegisteredPrefixIsAccepted() {
        assertThat(dms.post("/api/v1/partner/webhooks", Map.of("url", "http://dms.example.kz/hook"), token, null).code()).isEqualTo("WEBHOOK_URL_INVALID");
        assertThat(dms.post("/api/v1/partner/webhooks", Map.of("url", "ftp://127.0.0.1/hook"), token, null).code()).isEqualTo("WEBHOOK_URL_INVALID");
        assertThat(dms.post("/api/v1/partner/webhooks", Map.of("url", "https://elsewhere.example/hook"), token, null).code()).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
        String seller = client.signIn("dealer1-manager");
        assertThat(client.post("/api/v1/partner/webhooks", Map.of("url", receiverUrl("/x")), seller).code())
                .as("a person's session is not a partner's token").isEqualTo("PARTNER_TOKEN_REQUIRED");
    }

    @Test
    void statusChangesArriveSignedInOrderWithEventIdsRetriedWhenTheReceiverFailsAndReplayable() {
        String secret = subscribe("/ok");
        String flakySecret = subscribe("/flaky");
        assertThat(secret).startsWith("whsec_").isNotEqualTo(flakySecret);

        String session = dms.signIn("dealer1-manager", token);
        ApplicationJourney journey = new ApplicationJourney(client);
        String buyerIin = journey.iinOf("buyer-daulet");
        String vin = journey.freshVehicle(buyerIin, 1).path("vin").asString();
        Reply started = dms.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), token, session);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String number = started.body().path("number").asString();
        JsonNode statement = dms.get("/api/v1/applications/" + number + "/seller-statement", token, session).body();
        Reply signed = dms.post("/api/v1/applications/" + number + "/seller-signature",
                Map.of("signature", client.signBase64(statement.path("dataToSign").asString(), client.key("dealer1-manager", "sign"))), token, session);
        assertThat(signed.body().path("status").asString()).as(signed.body().toString()).isEqualTo("AWAITING_BUYER_CONSENT");

        // What the partner must learn: every status change of the action log, in its order.
        List<String> expected = statusChanges(dms.get("/api/v1/applications/" + number, token, session).body());
        assertThat(expected).startsWith("CHECKING").endsWith("AWAITING_BUYER_CONSENT");

        List<Received> ok = await(r -> r.path().equals("/ok") && r.body().contains(number), expected.size());
        assertThat(ok).extracting(r -> r.json(client).path("status").asString()).containsExactlyElementsOf(expected);
        assertThat(ok).extracting(r -> r.json(client).path("seq").asInt()).isSorted();
        Set<String> eventIds = new HashSet<>();
        for (Received delivery : ok) {
            JsonNode body = delivery.json(client);
            assertThat(delivery.eventId()).isEqualTo(body.path("eventId").asString());
            assertThat(eventIds.add(delivery.eventId())).as("one event id per event").isTrue();
            assertThat(body.path("type").asString()).isEqualTo("application.status-changed");
            assertThat(body.path("applicationNumber").asString()).isEqualTo(number);
            assertSigned(delivery, secret);
        }
        assertThat(ok.getFirst().json(client).path("action").asString()).isEqualTo("STARTED");

        // The flaky receiver failed twice: the first event was tried three times, and no later one overtook it.
        List<Received> flaky = await(r -> r.path().equals("/flaky") && r.body().contains(number) && r.answered() == 200, expected.size());
        assertThat(flaky).extracting(r -> r.json(client).path("status").asString()).containsExactlyElementsOf(expected);
        List<Received> flakyAll = received.stream().filter(r -> r.path().equals("/flaky") && r.body().contains(number)).toList();
        assertThat(flakyAll.subList(0, 3)).extracting(Received::eventId).containsOnly(flaky.getFirst().eventId());
        assertThat(flakyAll.subList(0, 3)).extracting(Received::attempt).containsExactly("1", "2", "3");
        assertThat(flakyAll.subList(0, 3)).extracting(Received::answered).containsExactly(500, 500, 200);
        flakyAll.forEach(delivery -> assertSigned(delivery, flakySecret));

        // The delivery log shows every attempt.
        Reply log = dms.get("/api/v1/partner/webhooks/deliveries?applicationNumber=" + number, token, null);
        assertThat(log.status()).as(log.body().toString()).isEqualTo(200);
        JsonNode retried = null;
        for (JsonNode delivery : log.body()) {
            if (delivery.path("eventId").asString().equals(flaky.getFirst().eventId())) {
                retried = delivery;
            }
        }
        assertThat(retried).isNotNull();
        assertThat(retried.path("status").asString()).isEqualTo("DELIVERED");
        List<String> attempts = new ArrayList<>();
        retried.path("attempts").forEach(a -> attempts.add(a.path("attempt").asInt() + " " + a.path("outcome").asString() + " " + a.path("httpStatus").asInt()));
        assertThat(attempts).containsExactly("1 FAILED 500", "2 FAILED 500", "3 DELIVERED 200");

        // Replay: the same event, same id and body, once more.
        Received first = ok.getFirst();
        Reply replay = dms.post("/api/v1/partner/webhooks/events/" + first.eventId() + "/replay", Map.of(), token, null);
        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(202);
        List<Received> again = await(r -> r.path().equals("/ok") && first.eventId().equals(r.eventId()), 2);
        assertThat(again.get(1).body()).isEqualTo(first.body());
        assertSigned(again.get(1), secret);
        Reply unknown = dms.post("/api/v1/partner/webhooks/events/" + java.util.UUID.randomUUID() + "/replay", Map.of(), token, null);
        assertThat(unknown.code()).isEqualTo("WEBHOOK_EVENT_UNKNOWN");
    }

    @Test
    void anApplicationStartedWithoutThePartnerIsNotSentToIt() {
        subscribe("/ok-other");
        ApplicationJourney journey = new ApplicationJourney(client);
        String buyerIin = journey.iinOf("buyer-dana");
        String vin = journey.freshVehicle(buyerIin, 1).path("vin").asString();
        Reply started = client.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), client.signIn("dealer1-manager"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String number = started.body().path("number").asString();

        Reply log = dms.get("/api/v1/partner/webhooks/deliveries?applicationNumber=" + number, token, null);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().size()).isZero();
        assertThat(received).noneMatch(r -> r.body().contains(number));
    }

    private static List<String> statusChanges(JsonNode application) {
        List<String> changes = new ArrayList<>();
        for (JsonNode entry : application.path("timeline")) {
            String status = entry.path("status").asString();
            if (changes.isEmpty() || !changes.getLast().equals(status)) {
                changes.add(status);
            }
        }
        return changes;
    }

    private void assertSigned(Received delivery, String secret) {
        String[] parts = delivery.signature().split(",");
        assertThat(parts[0]).startsWith("t=");
        assertThat(parts[1]).startsWith("v1=");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
        assertThat(delivery.signature()).isEqualTo(WebhookSignature.header(secret, t, delivery.body()));
    }

    private List<Received> await(Predicate<Received> which, int count) {
        return org.awaitility.Awaitility.await(count + " webhook deliveries").atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> received.stream().filter(which).toList(), found -> found.size() >= count);
    }
}
