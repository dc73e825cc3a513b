package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every scenario of the sandbox's catalogue (GET /sandbox/scenarios), end to end over HTTP against the
 * sandboxed state systems, with real signatures made from the personas' keys: each must reach the
 * outcome the catalogue names.
 */
@TirkeuServerTest
class ScenarioCatalogueTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    ProcessTimers timers;

    @Autowired
    ActionLog log;

    TirkeuClient client;

    /** The application the running scenario started: its log is replayed against the process definition afterwards. */
    String started;

    @BeforeEach
    void client() {
        client = new TirkeuClient(port);
        db.sql("delete from second_factor_lock").update();
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/sandbox/faults")).DELETE(), null);
    }

    @AfterEach
    void reset() {
        clock.reset();
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/sandbox/faults")).DELETE(), null);
    }

    @TestFactory
    List<DynamicTest> everyScenarioReachesItsExpectedOutcome() {
        JsonNode catalogue = new TirkeuClient(port).get("/sandbox/scenarios", null).body();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode scenario : catalogue) {
            tests.add(DynamicTest.dynamicTest(scenario.path("id").asString(), () -> {
                client();
                try {
                    run(scenario);
                    theLogFollowsTheProcessDefinition(started);
                } finally {
                    reset();
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(15);
        return tests;
    }

    private void run(JsonNode scenario) {
        String id = scenario.path("id").asString();
        JsonNode expected = scenario.path("expected");
        String outcome = expected.path("outcome").asString();
        String step = expected.path("step").asString();
        String sellerToken = client.signIn(scenario.path("seller").path("personaId").asString());
        Reply started = client.post("/api/v1/applications", Map.of("vin", scenario.path("vin").asString(),
                "buyerIin", scenario.path("buyer").path("iin").asString()), sellerToken);
        assertThat(started.status()).as(id + ": " + started.body()).isEqualTo(201);
        String number = started.body().path("number").asString();
        this.started = number;
        String status = started.body().path("status").asString();

        boolean refusedBySeller = outcome.equals("REFUSED") && step.compareTo("S9") < 0 && step.length() == 2;
        if (refusedBySeller) {
            assertThat(status).as(id).isEqualTo("REFUSED");
            assertThat(started.body().path("refusal").path("code").asString()).as(id).isEqualTo(expected.path("refusalCode").asString());
            assertThat(started.body().path("refusal").path("step").asString()).as(id).isEqualTo(step);
            return;
        }
        if (outcome.equals("CORRECTION_REQUESTED")) {
            assertThat(status).as(id).isEqualTo("BUYER_IIN_CORRECTION");
            Reply corrected = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/applications/" + number + "/buyer-iin"))
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"buyerIin\":\"" + scenario.path("buyer").path("correction").path("iin").asString() + "\"}")), sellerToken);
            assertThat(corrected.body().path("status").asString()).as(id + ": " + corrected.body()).isEqualTo("AWAITING_SELLER_SIGNATURE");
            return;
        }
        if (outcome.equals("WAITING_THEN_SUBMITTED")) {
            assertThat(status).as(id).isEqualTo("WAITING_FOR_STATE_SYSTEM");
            status = waitOut(number, id);
            assertThat(status).as(id).isEqualTo("AWAITING_SELLER_SIGNATURE");
        } else {
            assertThat(status).as(id + ": " + started.body()).isEqualTo("AWAITING_SELLER_SIGNATURE");
        }
        signAsSeller(number, sellerToken, scenario.path("seller").path("personaId").asString());
        String buyerPersona = scenario.path("buyer").path("personaId").asString();
        if (outcome.equals("EXPIRED")) {
            clock.advance(Duration.ofDays(10).plusMinutes(5));
            timers.tick();
            assertThat(statusOf(number)).as(id).isEqualTo("EXPIRED");
            return;
        }
        String buyerToken = client.signIn(buyerPersona);
        String buyerIin = scenario.path("buyer").path("iin").asString();
        if (id.equals("no-phone-in-mbg")) {
            // As the catalogue says: signed in with her number, which is then withdrawn from МБГ before S16.
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/sandbox/mbg/v1/subscribers/" + buyerIin)).DELETE(), null);
        }
        try {
            runBuyerSide(id, outcome, expected, number, buyerPersona, buyerToken);
        } finally {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/sandbox/mbg/v1/subscribers/" + buyerIin))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()), null);
        }
    }

    /** Every entry of the log is one the published definition allows, and replaying them all comes to the application's status. */
    private void theLogFollowsTheProcessDefinition(String number) {
        Map<String, Object> application = db.sql("select id, status from application where number = ?").param(number).query().singleRow();
        List<Action> entries = log.of((java.util.UUID) application.get("id"));
        assertThat(ProcessDefinition.replay(entries).name()).as(number + " replayed").isEqualTo(application.get("status"));
    }

    private void runBuyerSide(String id, String outcome, JsonNode expected, String number, String buyerPersona, String buyerToken) {
        Reply consented = client.post("/api/v1/applications/" + number + "/consent", Map.of("agree", !outcome.equals("DECLINED")), buyerToken);
        if (outcome.equals("DECLINED")) {
            assertThat(consented.body().path("status").asString()).as(id).isEqualTo("DECLINED");
            return;
        }
        if (outcome.equals("REFUSED")) {
            assertThat(consented.body().path("status").asString()).as(id + ": " + consented.body()).isEqualTo("REFUSED");
            assertThat(consented.body().path("refusal").path("code").asString()).as(id).isEqualTo(expected.path("refusalCode").asString());
            return;
        }
        assertThat(consented.body().path("status").asString()).as(id + ": " + consented.body()).isEqualTo("AWAITING_CHOICES");
        payAndSign(id, number, buyerPersona, buyerToken, id.equals("payment-declined"), id.equals("payment-callback-twice"));
        assertThat(statusOf(number)).as(id).isEqualTo("SUBMITTED");
        if (id.equals("no-phone-in-mbg")) {
            assertThat(db.sql("select source from buyer_phone p join application a on a.id = p.application_id where a.number = ?")
                    .param(number).query(String.class).single()).as("the number came from the buyer, not МБГ").isEqualTo("BUYER");
        }
    }

    @Test
    void withoutAnAnswerFromMbgTheBuyerTypesANumberAndConfirmsItBySms() {
        String[] application = awaitingPhone("buyer-aidar");
        String number = application[0];
        String buyer = application[1];
        payAndSign("typed-phone", number, "buyer-aidar", buyer, false, false);
        assertThat(statusOf(number)).isEqualTo("SUBMITTED");
    }

    /** Issue [7]: twenty requests at AWAITING_PHONE sent twenty SMS to a third party's number. */
    @Test
    void codesToATypedNumberAreLimitedPerNumberAndPerBuyer() {
        String[] application = awaitingPhone("buyer-daulet");
        String number = application[0];
        String buyer = application[1];
        String victim = "+7702" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        for (int i = 1; i <= 5; i++) {
            assertThat(client.post("/api/v1/applications/" + number + "/phone", Map.of("phone", victim), buyer).status()).as("code " + i).isEqualTo(200);
        }
        Reply sixth = client.post("/api/v1/applications/" + number + "/phone", Map.of("phone", victim), buyer);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("TOO_MANY_CODES");
        Reply another = client.post("/api/v1/applications/" + number + "/phone", Map.of("phone", "+77029990000"), buyer);
        assertThat(another.code()).as("the same buyer, another number").isEqualTo("TOO_MANY_CODES");
        assertThat(db.sql("select count(*) from deliveries where purpose = 'ONE_TIME_CODE' and address = ?").param(victim).query(Integer.class).single())
                .isEqualTo(5);
    }

    /** An application of the happy path's seller for this buyer, signed by the seller and agreed to by the buyer: number and buyer token. */
    private String[] agreedBy(String buyerPersona) {
        JsonNode happy = scenario("happy-path");
        String sellerPersona = happy.path("seller").path("personaId").asString();
        String seller = client.signIn(sellerPersona);
        String buyerIin = client.get("/sandbox/personas/" + buyerPersona, null).body().path("iin").asString();
        // A vehicle no other test uses, made by the sandbox for this buyer and the happy path's seller.
        String vin = client.post("/sandbox/seed/v1/ready-vehicles?buyerIin=" + buyerIin + "&sellerBin=" + happy.path("seller").path("bin").asString(), "", null)
                .body().path("vin").asString();
        String number = client.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), seller).body().path("number").asString();
        signAsSeller(number, seller, sellerPersona);
        String buyer = client.signIn(buyerPersona);
        client.post("/api/v1/applications/" + number + "/consent", Map.of("agree", true), buyer);
        return new String[] {number, buyer};
    }

    /** The same, then at S16 without МБГ (its fault switched on for the choice only). */
    private String[] awaitingPhone(String buyerPersona) {
        String[] application = agreedBy(buyerPersona);
        String number = application[0];
        String buyer = application[1];
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/sandbox/faults/mbg"))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"errorRate\":1.0}")), null);
        try {
            assertThat(client.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", "ALM-01", "plateType", "STANDARD_SINGLE_LINE"), buyer)
                    .body().path("status").asString()).isEqualTo("AWAITING_PHONE");
        } finally {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/sandbox/faults")).DELETE(), null);
        }
        return application;
    }

    /**
     * Issue [7]: a callback signed with the (published) sandbox secret claimed PAID for 1 KZT against the real invoice and
     * moved the application on. Now it must match the invoice and what the gateway, asked again, says.
     */
    @Test
    void aForgedPaidCallbackDoesNotMoveTheApplicationAndTheRealPaymentStillCounts() throws Exception {
        String[] application = agreedBy("buyer-aidar");
        String number = application[0];
        String buyer = application[1];
        assertThat(client.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", "ALM-01", "plateType", "STANDARD_SINGLE_LINE"), buyer)
                .body().path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        JsonNode invoice = client.post("/api/v1/applications/" + number + "/invoice", "", buyer).body();
        String invoiceId = invoice.path("invoiceId").asString();

        Reply cheap = forgedCallback("{\"invoiceId\":\"" + invoiceId + "\",\"reference\":\"" + number + "\",\"paymentId\":\"P-FORGED-1\",\"status\":\"PAID\",\"amountKzt\":1}");
        Reply unpaid = forgedCallback("{\"invoiceId\":\"" + invoiceId + "\",\"reference\":\"" + number + "\",\"paymentId\":\"P-FORGED-2\",\"status\":\"PAID\",\"amountKzt\":"
                + invoice.path("amountKzt").asLong() + "}");

        assertThat(cheap.status()).isEqualTo(409);
        assertThat(cheap.code()).isEqualTo("CALLBACK_NOT_CONFIRMED");
        assertThat(unpaid.code()).as("the right amount, but the gateway has no payment").isEqualTo("CALLBACK_NOT_CONFIRMED");
        assertThat(statusOf(number)).isEqualTo("AWAITING_PAYMENT");
        assertThat(db.sql("select status from payment_invoice where invoice_id = ?").param(invoiceId).query(String.class).single()).isEqualTo("PENDING");

        client.post("/sandbox/payments/v1/invoices/" + invoiceId + "/payment", Map.of("action", "pay"), null);
        awaitStatus(number, "AWAITING_BUYER_SIGNATURE");
    }

    /** A callback signed with the sandbox's published secret, as an attacker who read the sandbox's README would. */
    private Reply forgedCallback(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("sandbox-payment-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/v1/payments/callbacks"))
                .header("Content-Type", "application/json").header("X-Payment-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)), null);
    }

    /** Issue [7]: the wrong S16 codes were counted inside the transaction their refusal rolled back, so no limit held. */
    @Test
    void fiveWrongPhoneCodesVoidTheCodeEvenForTheRightOne() {
        String[] application = awaitingPhone("buyer-aidar");
        String number = application[0];
        String buyer = application[1];
        Instant before = Instant.now();
        String phone = "+77019998866";
        assertThat(client.post("/api/v1/applications/" + number + "/phone", Map.of("phone", phone), buyer).status()).isEqualTo(200);
        String right = client.codeSentTo(phone, before);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(client.post("/api/v1/applications/" + number + "/phone/confirmation", Map.of("code", wrong), buyer).code())
                    .as("attempt " + attempt).isEqualTo("CODE_WRONG");
        }
        assertThat(db.sql("select wrong_codes from buyer_phone b join application a on a.id = b.application_id where a.number = ?")
                .param(number).query(Integer.class).single()).isEqualTo(5);
        Reply sixth = client.post("/api/v1/applications/" + number + "/phone/confirmation", Map.of("code", right), buyer);
        assertThat(sixth.code()).as("the right code after five wrong ones").isEqualTo("CODE_EXPIRED");
        assertThat(statusOf(number)).isEqualTo("AWAITING_PHONE");
    }

    private void payAndSign(String id, String number, String buyerPersona, String buyerToken, boolean declineFirst, boolean replayCallback) {
        Reply chosen = client.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", "ALM-01", "plateType", "STANDARD_SINGLE_LINE"), buyerToken);
        if (chosen.status() == 200 && "AWAITING_PHONE".equals(chosen.body().path("status").asString()) || statusOf(number).equals("AWAITING_PHONE")) {
            Instant before = Instant.now();
            String phone = "+77019998877";
            assertThat(client.post("/api/v1/applications/" + number + "/phone", Map.of("phone", phone), buyerToken).status()).as(id).isEqualTo(200);
            Reply confirmed = client.post("/api/v1/applications/" + number + "/phone/confirmation", Map.of("code", client.codeSentTo(phone, before)), buyerToken);
            assertThat(confirmed.body().path("status").asString()).as(id + ": " + confirmed.body()).isEqualTo("AWAITING_PAYMENT");
        }
        assertThat(statusOf(number)).as(id).isEqualTo("AWAITING_PAYMENT");
        JsonNode invoice = client.post("/api/v1/applications/" + number + "/invoice", "", buyerToken).body();
        if (declineFirst) {
            client.post("/sandbox/payments/v1/invoices/" + invoice.path("invoiceId").asString() + "/payment", Map.of("action", "decline"), null);
            awaitPaymentStatus(invoice.path("invoiceId").asString(), "DECLINED");
            assertThat(statusOf(number)).as(id + ": a declined payment changes nothing").isEqualTo("AWAITING_PAYMENT");
            invoice = client.post("/api/v1/applications/" + number + "/invoice", "", buyerToken).body();
        }
        client.post("/sandbox/payments/v1/invoices/" + invoice.path("invoiceId").asString() + "/payment", Map.of("action", "pay"), null);
        awaitStatus(number, "AWAITING_BUYER_SIGNATURE");
        if (replayCallback) {
            client.post("/sandbox/payments/v1/invoices/" + invoice.path("invoiceId").asString() + "/callback-replay", "", null);
            // Posted asynchronously: count only once the platform has accepted the replay.
            String replayed = "/sandbox/payments/v1/invoices/" + invoice.path("invoiceId").asString();
            Awaitility.await(id + ": the replayed callback accepted").atMost(Duration.ofSeconds(15))
                    .until(() -> client.get(replayed, null).body().path("callback").path("accepted").asInt() == 2);
            assertThat(db.sql("select count(*) from application_action a join application p on p.id = a.application_id where p.number = ? and a.action = 'PAID'")
                    .param(number).query(Integer.class).single()).as(id).isEqualTo(1);
        }
        JsonNode statement = client.get("/api/v1/applications/" + number + "/buyer-statement", buyerToken).body();
        Reply signed = client.post("/api/v1/applications/" + number + "/buyer-signature",
                Map.of("signature", client.signBase64(statement.path("dataToSign").asString(), client.key(buyerPersona, "sign"))), buyerToken);
        assertThat(signed.body().path("status").asString()).as(id + ": " + signed.body()).isEqualTo("SUBMITTED");
    }

    private void signAsSeller(String number, String sellerToken, String sellerPersona) {
        JsonNode statement = client.get("/api/v1/applications/" + number + "/seller-statement", sellerToken).body();
        Reply signed = client.post("/api/v1/applications/" + number + "/seller-signature",
                Map.of("signature", client.signBase64(statement.path("dataToSign").asString(), client.key(sellerPersona, "sign"))), sellerToken);
        assertThat(signed.body().path("status").asString()).as(number + ": " + signed.body()).isEqualTo("AWAITING_BUYER_CONSENT");
    }

    /** Moves the clock past each retry's due time until the application stops waiting. */
    private String waitOut(String number, String id) {
        for (int round = 0; round < 10 && statusOf(number).equals("WAITING_FOR_STATE_SYSTEM"); round++) {
            clock.advance(Duration.ofMinutes(6));
            timers.tick();
        }
        return statusOf(number);
    }

    private void awaitStatus(String number, String status) {
        Awaitility.await(number + " " + status).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> statusOf(number), status::equals);
    }

    private void awaitPaymentStatus(String invoiceId, String status) {
        Awaitility.await("payment " + invoiceId + " " + status).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> db.sql("select status from payment_invoice where invoice_id = ?").param(invoiceId).query(String.class).optional()
                        .orElse(""), status::equals);
    }

    private String statusOf(String number) {
        return db.sql("select status from application where number = ?").param(number).query(String.class).single();
    }

    private JsonNode scenario(String id) {
        for (JsonNode scenario : client.get("/sandbox/scenarios", null).body()) {
            if (scenario.path("id").asString().equals(id)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + id);
    }
}
