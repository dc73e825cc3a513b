package kz.tirkeu.sandbox.state;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every scenario's inputs reach the branch it promises: the test walks the platform's checks S1–S16 over
 * HTTP, as the platform will, and the first check that fails must be the scenario's.
 */
@SandboxTest
class ScenarioCatalogueTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() throws Exception {
        sandbox = SandboxHttp.onPort(port);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.base() + "/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** What the platform's checks make of a scenario's inputs. */
    record Walk(String refusal, String step, int contractRetries) {}

    Walk walk(String sellerBin, String vin, String buyerIin) {
        JsonNode seller = json(ok(sandbox.get("/gbdul/v1/organisations/" + sellerBin)));
        boolean dealer = false;
        for (JsonNode oked : seller.get("okeds")) {
            dealer |= oked.get("code").stringValue().startsWith("4511") || oked.get("code").stringValue().startsWith("4519");
        }
        if (!dealer || !seller.get("status").stringValue().equals("ACTIVE")) {
            return new Walk("SELLER_NOT_A_VEHICLE_DEALER", "S1", 0);
        }
        var passport = sandbox.get("/epts/v1/passports/" + vin);
        if (passport.statusCode() == 404) {
            return new Walk("EPTS_NOT_FOUND", "S3", 0);
        }
        if (!json(ok(passport)).get("status").stringValue().equals("ACTIVE")) {
            return new Walk("EPTS_NOT_ACTIVE", "S3", 0);
        }
        var customs = sandbox.get("/customs/v1/payments/" + vin);
        if (customs.statusCode() == 404 || !json(customs).get("paid").booleanValue()) {
            return new Walk("CUSTOMS_NOT_PAID", "S4", 0);
        }
        if (sandbox.get("/recycling/v1/fees/" + vin).statusCode() == 404) {
            return new Walk("RECYCLING_FEE_NOT_PAID", "S5", 0);
        }
        var buyer = sandbox.get("/gbdfl/v1/persons/" + buyerIin);
        if (buyer.statusCode() == 404) {
            return new Walk("BUYER_NOT_FOUND", "S7", 0);
        }
        if (!json(ok(buyer)).get("lifeStatus").stringValue().equals("NORMAL")) {
            return new Walk("BUYER_NOT_ELIGIBLE", "S7", 0);
        }
        int retries = 0;
        var contract = sandbox.get("/econtracts/v1/contracts?vin=" + vin + "&sellerBin=" + sellerBin + "&buyerIin=" + buyerIin);
        while (contract.statusCode() == 503 && retries < 5) {
            assertThat(contract.headers().firstValue("Retry-After")).isPresent();
            retries++;
            contract = sandbox.get("/econtracts/v1/contracts?vin=" + vin + "&sellerBin=" + sellerBin + "&buyerIin=" + buyerIin);
        }
        if (contract.statusCode() == 404) {
            return new Walk("CONTRACT_NOT_FOUND", "S8", retries);
        }
        assertThat(json(ok(contract)).get("status").stringValue()).isEqualTo("SIGNED");
        if (!json(ok(sandbox.get("/erap/v1/fines/" + buyerIin))).get("unpaid").isEmpty()) {
            return new Walk("UNPAID_FINES", "S14", retries);
        }
        return new Walk(null, null, retries);
    }

    @Test
    void everyScenarioLeadsWhereItSays() {
        JsonNode scenarios = json(ok(sandbox.get("/scenarios")));
        List<String> ids = new ArrayList<>();
        List<String> vins = new ArrayList<>();
        for (JsonNode scenario : scenarios) {
            String id = scenario.get("id").stringValue();
            ids.add(id);
            vins.add(scenario.get("vin").stringValue());
            JsonNode seller = scenario.get("seller");
            assertThat(sandbox.persona(seller.get("personaId").stringValue()).get("bin").stringValue()).as(id).isEqualTo(seller.get("bin").stringValue());
            JsonNode buyer = scenario.get("buyer");
            if (buyer.has("personaId")) {
                assertThat(sandbox.persona(buyer.get("personaId").stringValue()).get("iin").stringValue()).as(id).isEqualTo(buyer.get("iin").stringValue());
            }
            JsonNode expected = scenario.get("expected");
            String outcome = expected.get("outcome").stringValue();
            Walk walk = walk(seller.get("bin").stringValue(), scenario.get("vin").stringValue(), buyer.get("iin").stringValue());
            switch (outcome) {
                case "REFUSED", "CORRECTION_REQUESTED" -> {
                    assertThat(walk.refusal()).as(id).isEqualTo(expected.get("refusalCode").stringValue());
                    assertThat(walk.step()).as(id).isEqualTo(expected.get("step").stringValue());
                }
                case "WAITING_THEN_SUBMITTED" -> {
                    assertThat(walk.refusal()).as(id).isNull();
                    assertThat(walk.contractRetries()).as(id).isEqualTo(2);
                }
                default -> {
                    assertThat(walk.refusal()).as(id).isNull();
                    assertThat(walk.contractRetries()).as(id).isZero();
                }
            }
            if (outcome.equals("CORRECTION_REQUESTED")) {
                JsonNode corrected = buyer.get("correction");
                assertThat(walk(seller.get("bin").stringValue(), scenario.get("vin").stringValue(), corrected.get("iin").stringValue()).refusal())
                        .as(id + " after the correction").isNull();
            }
            if (!outcome.equals("REFUSED") && !outcome.equals("CORRECTION_REQUESTED") || expected.get("step").stringValue().equals("S14")) {
                assertThat(buyer.has("personaId")).as(id + ": the buyer signs in, so is a persona").isTrue();
                // Every buyer who signs in has a number (the second factor goes to it); in no-phone-in-mbg it is withdrawn later.
                String subscriber = "/mbg/v1/subscribers/" + buyer.get("iin").stringValue();
                assertThat(sandbox.get(subscriber).statusCode()).as(id + ": МБГ").isEqualTo(200);
                if (id.equals("no-phone-in-mbg")) {
                    assertThat(sandbox.delete(subscriber).statusCode()).isEqualTo(204);
                    assertThat(sandbox.get(subscriber).statusCode()).as(id + ": МБГ after the withdrawal").isEqualTo(404);
                    assertThat(sandbox.put(subscriber, "{}").statusCode()).isEqualTo(204);
                    assertThat(sandbox.get(subscriber).statusCode()).as(id + ": МБГ restored").isEqualTo(200);
                }
            }
        }
        assertThat(vins).as("each scenario has a car of its own").doesNotHaveDuplicates();
        assertThat(ids).doesNotHaveDuplicates().contains("happy-path", "seller-not-vehicle-dealer", "epts-not-found", "epts-not-active",
                "customs-not-paid", "recycling-fee-not-paid", "buyer-not-found", "buyer-not-eligible", "contract-not-found",
                "contract-after-retry", "unpaid-fines", "epts-closed", "epts-annulled", "epts-recycled", "buyer-missing", "buyer-incapacitated", "no-phone-in-mbg", "payment-declined", "payment-callback-twice",
                "buyer-declines", "buyer-deadline-passes");
        assertThat(scenarios).extracting(s -> s.get("expected").get("outcome").stringValue())
                .contains("SUBMITTED", "REFUSED", "WAITING_THEN_SUBMITTED", "CORRECTION_REQUESTED", "DECLINED", "EXPIRED");
    }

    @Test
    void theRetryContractAnswers503Then503Then200AndAgainAfterAReset() throws Exception {
        JsonNode scenario = null;
        for (JsonNode s : json(ok(sandbox.get("/scenarios")))) {
            if (s.get("id").stringValue().equals("contract-after-retry")) {
                scenario = s;
            }
        }
        String query = "/econtracts/v1/contracts?vin=" + scenario.get("vin").stringValue() + "&sellerBin=" + scenario.get("seller").get("bin").stringValue()
                + "&buyerIin=" + scenario.get("buyer").get("iin").stringValue();
        for (int round = 0; round < 2; round++) {
            var first = sandbox.get(query);
            SandboxHttp.problem(first, 503);
            assertThat(first.headers().firstValue("Retry-After")).contains("1");
            SandboxHttp.problem(sandbox.get(query), 503);
            ok(sandbox.get(query));
            ok(sandbox.get(query));
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.base() + "/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void theHappyPathBuyerHasAReadyVehicleFromDealer1() {
        JsonNode happy = json(ok(sandbox.get("/scenarios"))).get(0);
        assertThat(happy.get("id").stringValue()).isEqualTo("happy-path");
        assertThat(happy.get("seller").get("personaId").stringValue()).isEqualTo("dealer1-manager");
        assertThat(happy.get("step").stringValue()).isEqualTo("S1-S18");
        assertThat(happy.get("buyer").get("personaId").stringValue()).isEqualTo("buyer-aidar");
    }
}
