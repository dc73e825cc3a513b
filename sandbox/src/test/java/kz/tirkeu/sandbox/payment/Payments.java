package kz.tirkeu.sandbox.payment;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.tirkeu.sandbox.CallbackReceiver;
import kz.tirkeu.sandbox.SandboxHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's side of the payment gateway in tests: raising invoices, checking confirmations. */
final class Payments {

    static final String HEADER = "X-Payment-Signature";
    static final String AIDAR = "660427402182";
    static final String SECRET = "sandbox-payment-secret";
    static final String RETURN_URL = "http://localhost:9/applications/back";

    private Payments() {}

    static String freshReference() {
        return "A-2026-" + UUID.randomUUID();
    }

    static String invoiceJson(String reference, String payerIin, CallbackReceiver receiver) {
        return "{\"reference\":\"" + reference + "\",\"payerIin\":\"" + payerIin + "\",\"items\":["
                + "{\"code\":\"REGISTRATION_FEE\",\"description\":\"Primary registration\",\"amountKzt\":1081},"
                + "{\"code\":\"CERTIFICATE_FEE\",\"description\":\"Registration certificate\",\"amountKzt\":5406},"
                + "{\"code\":\"PLATE_FEE\",\"description\":\"Plates\",\"amountKzt\":12110}],"
                + "\"callbackUrl\":\"" + receiver.url() + "\",\"returnUrl\":\"" + RETURN_URL + "\"}";
    }

    static JsonNode raise(SandboxHttp sandbox, String reference, String payerIin, CallbackReceiver receiver) {
        HttpResponse<byte[]> response = sandbox.postJson("/payments/v1/invoices", invoiceJson(reference, payerIin, receiver));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return json(response);
    }

    static JsonNode body(CallbackReceiver.Received received) {
        return JsonMapper.shared().readTree(received.body());
    }

    static void assertSigned(CallbackReceiver.Received received) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(received.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(received.body())));
        assertThat(received.contentType()).startsWith("application/json");
    }
}
