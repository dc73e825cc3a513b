package kz.tirkeu.sandbox.payment;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static kz.tirkeu.sandbox.payment.Payments.AIDAR;
import static kz.tirkeu.sandbox.payment.Payments.HEADER;
import static kz.tirkeu.sandbox.payment.Payments.RETURN_URL;
import static kz.tirkeu.sandbox.payment.Payments.assertSigned;
import static kz.tirkeu.sandbox.payment.Payments.body;
import static kz.tirkeu.sandbox.payment.Payments.freshReference;
import static kz.tirkeu.sandbox.payment.Payments.invoiceJson;
import static kz.tirkeu.sandbox.payment.Payments.raise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.tirkeu.sandbox.CallbackReceiver;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The payment gateway as the platform and the payer use it at S17: invoice, page, Pay or Decline, signed confirmation. */
@SandboxTest
class PaymentGatewayApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void aPayerPaysOnThePageAndThePlatformGetsASignedConfirmation() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String reference = freshReference();
            Instant before = Instant.now();
            JsonNode invoice = raise(sandbox, reference, AIDAR, receiver);
            String id = invoice.get("invoiceId").stringValue();

            assertThat(invoice.get("status").stringValue()).isEqualTo("PENDING");
            assertThat(invoice.get("amountKzt").longValue()).isEqualTo(1081 + 5406 + 12110);
            assertThat(invoice.get("paymentPageUrl").stringValue()).isEqualTo(sandbox.base() + "/payments/pay/" + id);
            assertThat(Instant.parse(invoice.get("expiresAt").stringValue()))
                    .isBetween(before.plus(Duration.ofHours(24)).minusSeconds(5), before.plus(Duration.ofHours(24)).plusSeconds(60));

            HttpResponse<byte[]> page = ok(sandbox.get("/payments/pay/" + id));
            String html = new String(page.body(), StandardCharsets.UTF_8);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(html).contains("SANDBOX", AIDAR, reference, "REGISTRATION_FEE", "Primary registration", "1 081", "18 597",
                    "name=\"action\" value=\"pay\"", "name=\"action\" value=\"decline\"", "action=\"" + sandbox.base() + "/payments/pay/" + id + "\"");

            HttpResponse<byte[]> paid = sandbox.postForm("/payments/pay/" + id, "action=pay");

            assertThat(paid.statusCode()).isEqualTo(303);
            assertThat(paid.headers().firstValue("Location")).contains(RETURN_URL + "?invoiceId=" + id + "&status=PAID");

            CallbackReceiver.Received confirmation = receiver.next();
            assertSigned(confirmation);
            JsonNode body = body(confirmation);
            assertThat(body.get("invoiceId").stringValue()).isEqualTo(id);
            assertThat(body.get("reference").stringValue()).isEqualTo(reference);
            assertThat(body.get("status").stringValue()).isEqualTo("PAID");
            assertThat(body.get("amountKzt").longValue()).isEqualTo(18_597);
            String paymentId = body.get("paymentId").stringValue();
            assertThat(paymentId).isNotBlank();
            assertThat(Instant.parse(body.get("paidAt").stringValue())).isAfterOrEqualTo(before.minusSeconds(1));

            JsonNode state = json(ok(sandbox.get("/payments/v1/invoices/" + id)));
            assertThat(state.get("status").stringValue()).isEqualTo("PAID");
            assertThat(state.get("paymentId").stringValue()).isEqualTo(paymentId);
            assertThat(state.get("paidAt").stringValue()).isEqualTo(body.get("paidAt").stringValue());
            assertThat(state.get("reference").stringValue()).isEqualTo(reference);
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                    json(ok(sandbox.get("/payments/v1/invoices/" + id))).get("callback").get("state").stringValue()).isEqualTo("POSTED"));

            // Paying again: the page shows it is paid, and nothing more is confirmed.
            HttpResponse<byte[]> again = ok(sandbox.postForm("/payments/pay/" + id, "action=decline"));
            assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("PAID").doesNotContain("value=\"pay\"");
            assertThat(receiver.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aPayerDeclinesAndIsSentBackWithTheStatus() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String id = raise(sandbox, freshReference(), AIDAR, receiver).get("invoiceId").stringValue();

            HttpResponse<byte[]> declined = sandbox.postForm("/payments/pay/" + id, "action=decline");

            assertThat(declined.statusCode()).isEqualTo(303);
            assertThat(declined.headers().firstValue("Location")).contains(RETURN_URL + "?invoiceId=" + id + "&status=DECLINED");
            CallbackReceiver.Received confirmation = receiver.next();
            assertSigned(confirmation);
            assertThat(body(confirmation).get("status").stringValue()).isEqualTo("DECLINED");
            assertThat(json(ok(sandbox.get("/payments/v1/invoices/" + id))).get("status").stringValue()).isEqualTo("DECLINED");
            problem(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}"), 409);
        }
    }

    @Test
    void thePaymentApiPaysOnceAndAnswersTheSameToARepeat() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String id = raise(sandbox, freshReference(), AIDAR, receiver).get("invoiceId").stringValue();

            JsonNode paid = json(ok(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}")));
            JsonNode repeated = json(ok(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}")));

            assertThat(paid.get("status").stringValue()).isEqualTo("PAID");
            assertThat(repeated.get("paymentId").stringValue()).isEqualTo(paid.get("paymentId").stringValue());
            assertThat(body(receiver.next()).get("paymentId").stringValue()).isEqualTo(paid.get("paymentId").stringValue());
            assertThat(receiver.poll(Duration.ofMillis(300))).as("one confirmation only").isNull();
        }
    }

    @Test
    void aReplayPostsTheVerySameConfirmationAgain() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String id = raise(sandbox, freshReference(), AIDAR, receiver).get("invoiceId").stringValue();
            problem(sandbox.post("/payments/v1/invoices/" + id + "/callback-replay"), 409);
            ok(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}"));
            CallbackReceiver.Received first = receiver.next();

            JsonNode replayed = json(ok(sandbox.post("/payments/v1/invoices/" + id + "/callback-replay")));
            CallbackReceiver.Received second = receiver.next();

            assertThat(replayed.get("status").stringValue()).isEqualTo("PAID");
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.signature()).isEqualTo(first.signature());
            assertSigned(second);
        }
    }

    @Test
    void aFailingCallbackIsTriedAgainWithBackoff() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of(503))) {
            String id = raise(sandbox, freshReference(), AIDAR, receiver).get("invoiceId").stringValue();
            ok(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}"));

            CallbackReceiver.Received first = receiver.next();
            CallbackReceiver.Received second = receiver.next();

            assertThat(second.body()).isEqualTo(first.body());
            assertThat(Duration.between(first.at(), second.at())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                JsonNode callback = json(ok(sandbox.get("/payments/v1/invoices/" + id))).get("callback");
                assertThat(callback.get("state").stringValue()).isEqualTo("POSTED");
                assertThat(callback.get("attempts").intValue()).isEqualTo(2);
            });
        }
    }

    @Test
    void theSameReferenceWhilePendingGetsTheSameInvoice() {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String reference = freshReference();
            JsonNode first = raise(sandbox, reference, AIDAR, receiver);

            HttpResponse<byte[]> again = sandbox.postJson("/payments/v1/invoices", invoiceJson(reference, AIDAR, receiver));

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get("invoiceId").stringValue()).isEqualTo(first.get("invoiceId").stringValue());
            ok(sandbox.postJson("/payments/v1/invoices/" + first.get("invoiceId").stringValue() + "/payment", "{\"action\":\"decline\"}"));
            JsonNode afterDecline = raise(sandbox, reference, AIDAR, receiver);
            assertThat(afterDecline.get("invoiceId").stringValue()).as("a declined invoice is not reused").isNotEqualTo(first.get("invoiceId").stringValue());
        }
    }

    @Test
    void badInvoicesAre400Problems() {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String good = invoiceJson(freshReference(), AIDAR, receiver);
            assertThat(problem(sandbox.postJson("/payments/v1/invoices", good.replaceFirst("\"items\":\\[.*\\],", "\"items\":[],")), 400)
                    .get("detail").stringValue()).contains("items");
            problem(sandbox.postJson("/payments/v1/invoices", good.replace("1081", "0")), 400);
            problem(sandbox.postJson("/payments/v1/invoices", good.replace("1081", "-5")), 400);
            problem(sandbox.postJson("/payments/v1/invoices", good.replace("1081", "10.5")), 400);
            problem(sandbox.postJson("/payments/v1/invoices", good.replace("1081", "\"1081\"")), 400);
            assertThat(problem(sandbox.postJson("/payments/v1/invoices", good.replace(AIDAR, "660427402183")), 400)
                    .get("detail").stringValue()).contains("IIN");
            problem(sandbox.postJson("/payments/v1/invoices", good.replace(receiver.url().toString(), "ftp://example.org/x")), 400);
            problem(sandbox.postJson("/payments/v1/invoices", good.replace(RETURN_URL, "/relative")), 400);
            problem(sandbox.postJson("/payments/v1/invoices", good.replaceFirst("\"reference\":\"[^\"]+\",", "")), 400);
            problem(sandbox.postJson("/payments/v1/invoices", "not json"), 400);
        }
    }

    @Test
    void anUnknownInvoiceIs404AndABadActionIs400() {
        problem(sandbox.get("/payments/v1/invoices/no-such-invoice"), 404);
        problem(sandbox.get("/payments/pay/no-such-invoice"), 404);
        problem(sandbox.postJson("/payments/v1/invoices/no-such-invoice/payment", "{\"action\":\"pay\"}"), 404);
        problem(sandbox.post("/payments/v1/invoices/no-such-invoice/callback-replay"), 404);
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String id = raise(sandbox, freshReference(), AIDAR, receiver).get("invoiceId").stringValue();
            problem(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"refund\"}"), 400);
            problem(sandbox.postForm("/payments/pay/" + id, "action=steal"), 400);
        }
    }

    @Test
    void theIndexNamesTheGateway() {
        assertThat(URI.create(json(ok(sandbox.get(""))).get("payments").stringValue())).isEqualTo(URI.create(sandbox.base() + "/payments/v1/invoices"));
    }
}
