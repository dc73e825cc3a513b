package kz.tirkeu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import kz.tirkeu.testing.TirkeuClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Drives an application over the REST API as its seller and buyer would, from a fresh vehicle of the
 * sandbox to SUBMITTED (S18 signed): the starting point of the registration decision and of chapter 2.
 */
public final class ApplicationJourney {

    private final TirkeuClient client;

    public ApplicationJourney(TirkeuClient client) {
        this.client = client;
    }

    /** A vehicle no test has used: made by the sandbox for this buyer, sold by this dealer (1 or 2). */
    public JsonNode freshVehicle(String buyerIin, int dealer) {
        String sellerBin = client.get("/sandbox/personas/dealer" + dealer + "-manager", null).body().path("bin").asString();
        Reply made = client.post("/sandbox/seed/v1/ready-vehicles?buyerIin=" + buyerIin + "&sellerBin=" + sellerBin, "", null);
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return made.body();
    }

    public String iinOf(String personaId) {
        return client.get("/sandbox/personas/" + personaId, null).body().path("iin").asString();
    }

    public record Submitted(String number, String vin, String sellerToken, String buyerToken, String invoiceId) {}

    /** The manager of dealer 1 or 2 sells a fresh vehicle to the buyer persona; both sign; the buyer picks ALM-01 and pays. */
    public Submitted submitted(String buyerPersona, int dealer) {
        String buyerIin = iinOf(buyerPersona);
        String vin = freshVehicle(buyerIin, dealer).path("vin").asString();
        String sellerPersona = "dealer" + dealer + "-manager";
        String seller = client.signIn(sellerPersona);
        Reply started = client.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), seller);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String number = started.body().path("number").asString();
        assertThat(started.body().path("status").asString()).as(started.body().toString()).isEqualTo("AWAITING_SELLER_SIGNATURE");
        JsonNode sellerStatement = client.get("/api/v1/applications/" + number + "/seller-statement", seller).body();
        Reply sellerSigned = client.post("/api/v1/applications/" + number + "/seller-signature",
                Map.of("signature", client.signBase64(sellerStatement.path("dataToSign").asString(), client.key(sellerPersona, "sign"))), seller);
        assertThat(sellerSigned.body().path("status").asString()).as(sellerSigned.body().toString()).isEqualTo("AWAITING_BUYER_CONSENT");

        String buyer = client.signIn(buyerPersona);
        Reply agreed = client.post("/api/v1/applications/" + number + "/consent", Map.of("agree", true), buyer);
        assertThat(agreed.body().path("status").asString()).as(agreed.body().toString()).isEqualTo("AWAITING_CHOICES");
        Reply chosen = client.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", "ALM-01", "plateType", "STANDARD_SINGLE_LINE"), buyer);
        assertThat(chosen.body().path("status").asString()).as(chosen.body().toString()).isEqualTo("AWAITING_PAYMENT");
        JsonNode invoice = client.post("/api/v1/applications/" + number + "/invoice", "", buyer).body();
        String invoiceId = invoice.path("invoiceId").asString();
        client.post("/sandbox/payments/v1/invoices/" + invoiceId + "/payment", Map.of("action", "pay"), null);
        awaitStatus(number, buyer, "AWAITING_BUYER_SIGNATURE");
        JsonNode buyerStatement = client.get("/api/v1/applications/" + number + "/buyer-statement", buyer).body();
        Reply signed = client.post("/api/v1/applications/" + number + "/buyer-signature",
                Map.of("signature", client.signBase64(buyerStatement.path("dataToSign").asString(), client.key(buyerPersona, "sign"))), buyer);
        assertThat(signed.body().path("status").asString()).as(signed.body().toString()).isEqualTo("SUBMITTED");
        return new Submitted(number, vin, seller, buyer, invoiceId);
    }

    public String status(String number, String token) {
        return client.get("/api/v1/applications/" + number, token).body().path("status").asString();
    }

    public void awaitStatus(String number, String token, String expected) {
        org.awaitility.Awaitility.await(number + " " + expected).atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> status(number, token), expected::equals);
    }

    public Reply delete(String path, String token) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path)).DELETE(), token);
    }
}
