package kz.tirkeu.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PaymentGateway;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A buyer paid, and the gateway's callback never came: reconciliation asks the gateway about the late invoice and the
 * application moves on as the callback would have moved it. The invoice is raised at the sandbox's gateway with a
 * callback address nobody answers, so only reconciliation can record it.
 */
@TirkeuServerTest
class PaymentReconciliationTest {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    PaymentReconciliation reconciliation;

    @Autowired
    JdbcClient db;

    @Autowired
    TestClock clock;

    @Test
    void aPaymentWhoseCallbackWasLostIsRecordedFromTheGatewaysOwnWord() {
        TirkeuClient client = new TirkeuClient(port);
        ApplicationJourney journey = new ApplicationJourney(client);
        String buyerIin = journey.iinOf("buyer-aidar");
        String vin = journey.freshVehicle(buyerIin, 1).path("vin").asString();
        String seller = client.signIn("dealer1-manager");
        String number = client.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), seller).body().path("number").asString();
        JsonNode sellerStatement = client.get("/api/v1/applications/" + number + "/seller-statement", seller).body();
        client.post("/api/v1/applications/" + number + "/seller-signature",
                Map.of("signature", client.signBase64(sellerStatement.path("dataToSign").asString(), client.key("dealer1-manager", "sign"))), seller);
        String buyer = client.signIn("buyer-aidar");
        client.post("/api/v1/applications/" + number + "/consent", Map.of("agree", true), buyer);
        client.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", "ALM-01", "plateType", "STANDARD_SINGLE_LINE"), buyer);
        assertThat(journey.status(number, buyer)).isEqualTo("AWAITING_PAYMENT");

        // The invoice, as the platform would keep it, but with a callback address where nobody listens: the confirmation is lost.
        List<PaymentGateway.Item> items = List.of(new PaymentGateway.Item("REGISTRATION_FEE", "Primary state registration", 1081));
        Reply raised = client.post("/sandbox/payments/v1/invoices", Map.of("reference", number, "payerIin", buyerIin, "items", items,
                "callbackUrl", "http://127.0.0.1:9/lost", "returnUrl", "http://127.0.0.1:9/back"), null);
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        String invoiceId = raised.body().path("invoiceId").asString();
        UUID applicationId = db.sql("select id from application where number = ?").param(number).query(UUID.class).single();
        payments.keep(applicationId, number, new PaymentGateway.Invoice(invoiceId, "PENDING", raised.body().path("amountKzt").asLong(),
                raised.body().path("paymentPageUrl").asString(), null), items);
        assertThat(client.post("/sandbox/payments/v1/invoices/" + invoiceId + "/payment", Map.of("action", "pay"), null).status()).isEqualTo(200);

        // Not yet late: nobody asks the gateway about a fresh invoice.
        reconciliation.reconcile();
        assertThat(status(invoiceId)).isEqualTo("PENDING");
        assertThat(journey.status(number, buyer)).isEqualTo("AWAITING_PAYMENT");

        clock.advance(Duration.ofMinutes(11));
        try {
            reconciliation.reconcile();
        } finally {
            clock.advance(Duration.ofMinutes(-11));
        }
        assertThat(status(invoiceId)).isEqualTo("PAID");
        assertThat(db.sql("select payment_id from payment_invoice where invoice_id = ?").param(invoiceId).query(String.class).single()).startsWith("PAY-");
        assertThat(journey.status(number, buyer)).isEqualTo("AWAITING_BUYER_SIGNATURE");
        assertThat(payments.paid(applicationId)).get().extracting(PaidInvoice::invoiceId).isEqualTo(invoiceId);
    }

    private String status(String invoiceId) {
        return db.sql("select status from payment_invoice where invoice_id = ?").param(invoiceId).query(String.class).single();
    }
}
