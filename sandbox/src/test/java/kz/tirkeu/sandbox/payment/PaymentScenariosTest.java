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
import static kz.tirkeu.sandbox.payment.Payments.raise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.tirkeu.sandbox.CallbackReceiver;
import kz.tirkeu.sandbox.SandboxApplication;
import kz.tirkeu.sandbox.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's scenarios, configured as a test of the platform would: a payer whose payments are all declined, and invoices
 * valid for a few seconds only. A context of its own, without the personas' keys (nothing here needs them).
 */
@SpringBootTest(classes = SandboxApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "tirkeu.sandbox.temporary=true", "tirkeu.sandbox.mail.enabled=false", "tirkeu.sandbox.prepare-on-startup=false",
        "tirkeu.sandbox.payments.declining-payers=" + PaymentScenariosTest.DECLINING + ",790303402568",
        "tirkeu.sandbox.payments.invoice-validity=3s"})
class PaymentScenariosTest {

    static final String DECLINING = "061211600012";

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void aDecliningPayersPaymentIsDeclinedWhenPayIsPressed() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String id = raise(sandbox, freshReference(), DECLINING, receiver).get("invoiceId").stringValue();

            HttpResponse<byte[]> pressed = sandbox.postForm("/payments/pay/" + id, "action=pay");

            assertThat(pressed.statusCode()).isEqualTo(303);
            assertThat(pressed.headers().firstValue("Location")).contains(RETURN_URL + "?invoiceId=" + id + "&status=DECLINED");
            CallbackReceiver.Received confirmation = receiver.next();
            assertSigned(confirmation);
            assertThat(body(confirmation).get("status").stringValue()).isEqualTo("DECLINED");
            assertThat(json(ok(sandbox.get("/payments/v1/invoices/" + id))).get("status").stringValue()).isEqualTo("DECLINED");
        }
    }

    @Test
    void anotherPayerStillPays() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String id = raise(sandbox, freshReference(), AIDAR, receiver).get("invoiceId").stringValue();

            assertThat(json(ok(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}"))).get("status").stringValue())
                    .isEqualTo("PAID");
            assertThat(body(receiver.next()).get("status").stringValue()).isEqualTo("PAID");
        }
    }

    @Test
    void anInvoiceExpiresAndCannotBePaidThen() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(HEADER, List.of())) {
            String reference = freshReference();
            String id = raise(sandbox, reference, AIDAR, receiver).get("invoiceId").stringValue();

            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(json(ok(sandbox.get("/payments/v1/invoices/" + id))).get("status").stringValue()).isEqualTo("EXPIRED"));

            problem(sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\":\"pay\"}"), 409);
            HttpResponse<byte[]> page = ok(sandbox.postForm("/payments/pay/" + id, "action=pay"));
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("EXPIRED").doesNotContain("value=\"pay\"");
            assertThat(receiver.poll(Duration.ofMillis(300))).as("no confirmation for an expired invoice").isNull();
            JsonNode fresh = raise(sandbox, reference, AIDAR, receiver);
            assertThat(fresh.get("invoiceId").stringValue()).as("the reference may be invoiced anew").isNotEqualTo(id);
        }
    }
}
