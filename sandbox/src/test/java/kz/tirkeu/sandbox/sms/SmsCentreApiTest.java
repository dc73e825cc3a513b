package kz.tirkeu.sandbox.sms;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import kz.tirkeu.sandbox.CallbackReceiver;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The SMS centre as the platform uses it: send, get a signed receipt at the callback; and as testers read codes. */
@SandboxTest
class SmsCentreApiTest {

    private static final String SECRET = "sandbox-sms-secret";

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    /** A number of its own for each test, so that tests sharing the sandbox do not read each other's messages. */
    private static String freshNumber() {
        return "+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private HttpResponse<byte[]> send(String to, String text, String reference, String callbackUrl) {
        return sandbox.postJson("/sms/v1/messages", "{\"to\":\"" + to + "\",\"text\":\"" + text + "\",\"reference\":\"" + reference
                + "\"" + (callbackUrl == null ? "" : ",\"callbackUrl\":\"" + callbackUrl + "\"") + "}");
    }

    @Test
    void aMessageIsAcceptedThenListedForItsNumberNewestFirst() {
        String to = freshNumber();
        HttpResponse<byte[]> first = send(to, "Tirkeu: your code is 111111", "first", null);
        HttpResponse<byte[]> second = send(to, "Tirkeu: your code is 222222", "second", null);

        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode accepted = json(second);
        assertThat(accepted.get("status").stringValue()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("messageId").stringValue()).isNotBlank();

        JsonNode listed = json(ok(sandbox.get("/sms/v1/messages?to=" + to.replace("+", "%2B"))));
        assertThat(listed.findValuesAsString("text")).containsExactly("Tirkeu: your code is 222222", "Tirkeu: your code is 111111");
        JsonNode newest = listed.get(0);
        assertThat(newest.get("id").stringValue()).isEqualTo(accepted.get("messageId").stringValue());
        assertThat(newest.get("to").stringValue()).isEqualTo(to);
        assertThat(newest.get("reference").stringValue()).isEqualTo("second");
        assertThat(Instant.parse(newest.get("sentAt").stringValue())).isBeforeOrEqualTo(Instant.now());
        assertThat(newest.get("status").stringValue()).isIn("ACCEPTED", "DELIVERED");

        // Typed into a URL as is, '+' reaches the server as a space: still the same number.
        assertThat(json(ok(sandbox.get("/sms/v1/messages?to=" + to))).size()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                json(ok(sandbox.get("/sms/v1/messages?to=" + to))).findValuesAsString("status")).containsOnly("DELIVERED"));
    }

    @Test
    void theDeliveryReceiptComesToTheCallbackSignedWithTheSharedSecret() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(List.of())) {
            String reference = UUID.randomUUID().toString();
            Instant before = Instant.now();
            String messageId = json(send(freshNumber(), "Tirkeu: 482913", reference, receiver.url().toString())).get("messageId").stringValue();

            CallbackReceiver.Received receipt = receiver.next();

            assertThat(receipt.signature()).isEqualTo("sha256=" + hmac(receipt.body()));
            assertThat(receipt.contentType()).startsWith("application/json");
            JsonNode body = tools.jackson.databind.json.JsonMapper.shared().readTree(receipt.body());
            assertThat(body.get("messageId").stringValue()).isEqualTo(messageId);
            assertThat(body.get("reference").stringValue()).isEqualTo(reference);
            assertThat(body.get("status").stringValue()).isEqualTo("DELIVERED");
            assertThat(body.has("error")).isFalse();
            assertThat(Instant.parse(body.get("at").stringValue())).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(Duration.between(before, receipt.at())).as("delivered a moment later, not at once and not late")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(90)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void theUnreachableNumberFailsWithItsReason() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(List.of())) {
            send("+77000000000", "Tirkeu: 000000", "unreachable", receiver.url().toString());

            CallbackReceiver.Received receipt = receiver.next();

            JsonNode body = tools.jackson.databind.json.JsonMapper.shared().readTree(receipt.body());
            assertThat(body.get("status").stringValue()).isEqualTo("FAILED");
            assertThat(body.get("error").stringValue()).isEqualTo("subscriber unreachable");
            assertThat(receipt.signature()).isEqualTo("sha256=" + hmac(receipt.body()));
        }
    }

    @Test
    void aFailingCallbackIsTriedAgainUntilItAnswers() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(List.of(503, 500))) {
            String to = freshNumber();
            send(to, "Tirkeu: 777777", "retried", receiver.url().toString());

            CallbackReceiver.Received first = receiver.next();
            CallbackReceiver.Received second = receiver.next();
            CallbackReceiver.Received third = receiver.next();

            assertThat(second.body()).as("the same receipt each time").isEqualTo(first.body());
            assertThat(third.body()).isEqualTo(first.body());
            assertThat(Duration.between(first.at(), second.at())).as("backing off").isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(Duration.between(second.at(), third.at())).isGreaterThan(Duration.between(first.at(), second.at()));
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                JsonNode receipt = json(ok(sandbox.get("/sms/v1/messages?to=" + to))).get(0).get("receipt");
                assertThat(receipt.get("state").stringValue()).isEqualTo("POSTED");
                assertThat(receipt.get("attempts").intValue()).isEqualTo(3);
            });
        }
    }

    @Test
    void aCallbackNobodyListensOnIsTriedAgainToo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String to = freshNumber();
        send(to, "Tirkeu: 123123", "refused", "http://127.0.0.1:" + closedPort + "/receipts");

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            JsonNode receipt = json(ok(sandbox.get("/sms/v1/messages?to=" + to))).get(0).get("receipt");
            assertThat(receipt.get("state").stringValue()).isEqualTo("PENDING");
            assertThat(receipt.get("attempts").intValue()).isGreaterThanOrEqualTo(2);
            assertThat(receipt.get("lastError").stringValue()).isNotBlank();
        });
    }

    @Test
    void aMalformedNumberOrAnEmptyTextIsA400Problem() {
        assertThat(problem(send("87011234567", "code", "r", null), 400).get("detail").stringValue()).contains("+77011234567");
        problem(send("+7701123", "code", "r", null), 400);
        problem(send(freshNumber(), "", "r", null), 400);
        problem(send(freshNumber(), "   ", "r", null), 400);
        problem(sandbox.postJson("/sms/v1/messages", "{\"to\":\"+77011234567\"}"), 400);
        problem(sandbox.postJson("/sms/v1/messages", "not json"), 400);
        problem(send(freshNumber(), "code", "r", "ftp://example.org/x"), 400);
    }

    @Test
    void thePageShowsTheMessagesUnderASandboxBanner() {
        String to = freshNumber();
        send(to, "Tirkeu: <b>654321</b>", "page", null);

        HttpResponse<byte[]> page = ok(sandbox.get("/sms?to=" + to.replace("+", "%2B")));

        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(html).contains("SANDBOX", to, "Tirkeu: &lt;b&gt;654321&lt;/b&gt;").doesNotContain("<b>654321</b>");
    }

    @Test
    void aMessageToAPersonasPhoneIsShownWithWhoseItIs() {
        String phone = sandbox.persona("buyer-dana").get("phone").stringValue();
        send(phone, "Tirkeu: 909090", "dana", null);

        String html = new String(ok(sandbox.get("/sms?to=" + phone.replace("+", "%2B"))).body(), StandardCharsets.UTF_8);

        assertThat(html).contains("909090", "buyer-dana");
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
