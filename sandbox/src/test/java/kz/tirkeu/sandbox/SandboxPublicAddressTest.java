package kz.tirkeu.sandbox;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Behind a proxy the platform's public address is set (tirkeu.public-base-url) and the sandbox's is not: the links the
 * sandbox hands out must be below the public address, not http://localhost:&lt;port&gt;, which no payer's browser can open.
 */
@SpringBootTest(classes = SandboxApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tirkeu.sandbox.temporary=true", "tirkeu.sandbox.mail.smtp-port=0", "tirkeu.sandbox.prepare-on-startup=false",
                "tirkeu.public-base-url=https://tirkeu.example.kz/"})
class SandboxPublicAddressTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void theInvoicesPaymentPageIsBelowThePlatformsPublicAddress() {
        HttpResponse<byte[]> created = sandbox.postJson("/payments/v1/invoices", "{\"reference\":\"A-2026-public-address\",\"payerIin\":\"660427402182\","
                + "\"items\":[{\"code\":\"REGISTRATION_FEE\",\"description\":\"Primary registration\",\"amountKzt\":1081}],"
                + "\"callbackUrl\":\"http://localhost:9/callbacks\",\"returnUrl\":\"http://localhost:9/back\"}");
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode invoice = json(created);

        assertThat(invoice.get("paymentPageUrl").stringValue())
                .isEqualTo("https://tirkeu.example.kz/sandbox/payments/pay/" + invoice.get("invoiceId").stringValue());
    }

    @Test
    void theIndexNamesThePublicAddressesIncludingTheSignersWebSocket() {
        JsonNode index = json(SandboxHttp.ok(sandbox.get("")));

        assertThat(index.get("ca").stringValue()).isEqualTo("https://tirkeu.example.kz/sandbox/ca");
        assertThat(index.get("ncalayer").stringValue()).isEqualTo("wss://tirkeu.example.kz/sandbox/ncalayer");
        assertThat(index.get("stateSystems").get("printCentre").stringValue()).isEqualTo("https://tirkeu.example.kz/sandbox/print-centre/v1/jobs");
    }
}
