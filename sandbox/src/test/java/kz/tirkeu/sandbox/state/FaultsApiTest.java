package kz.tirkeu.sandbox.state;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Faults a tester turns on: errors, outages, latency, hangs and garbage, per system, and the reset. */
@SandboxTest
class FaultsApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;
    String bin;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
        bin = sandbox.persona("dealer1-manager").get("bin").stringValue();
    }

    @AfterEach
    void reset() throws Exception {
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.base() + "/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    String organisation() {
        return "/gbdul/v1/organisations/" + bin;
    }

    @Test
    void everySystemIsListedWithoutFaultsAtFirst() {
        JsonNode all = json(ok(sandbox.get("/faults")));
        assertThat(all.propertyNames()).containsExactly("gbdul", "epts", "customs", "recycling", "gbdfl", "econtracts", "erap", "mbg", "psc", "sms", "payments",
                "print-centre", "plate-maker", "digital-documents");
        assertThat(all.get("epts").propertyNames()).containsExactlyInAnyOrder("latencyMs", "errorRate", "timeoutRate", "malformedRate", "outageUntil");
    }

    @Test
    void anErrorRateOfOneAnswers503UntilTheReset() throws Exception {
        ok(sandbox.put("/faults/gbdul", "{\"errorRate\": 1.0}"));
        assertThat(json(ok(sandbox.get("/faults"))).get("gbdul").get("errorRate").doubleValue()).isEqualTo(1.0);
        problem(sandbox.get(organisation()), 503);
        ok(sandbox.get("/psc/v1/centres/ALM-01"));
        reset();
        ok(sandbox.get(organisation()));
    }

    @Test
    void anOutageAnswers503WithRetryAfterUntilItEnds() {
        ok(sandbox.put("/faults/epts", "{\"outageUntil\": \"" + Instant.now().plusSeconds(3600) + "\"}"));
        String vin = json(ok(sandbox.get("/seed/v1/ready-vehicles?limit=1"))).get(0).get("vin").stringValue();
        var down = sandbox.get("/epts/v1/passports/" + vin);
        assertThat(problem(down, 503).get("detail").stringValue()).contains("outage");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        ok(sandbox.put("/faults/epts", "{\"outageUntil\": \"" + Instant.now().minusSeconds(1) + "\"}"));
        ok(sandbox.get("/epts/v1/passports/" + vin));
    }

    @Test
    void latencyDelaysTheAnswer() {
        ok(sandbox.put("/faults/psc", "{\"latencyMs\": 400}"));
        long started = System.nanoTime();
        ok(sandbox.get("/psc/v1/centres/ALM-01"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aMalformedAnswerIs200WithABodyThatIsNotJson() {
        ok(sandbox.put("/faults/gbdul", "{\"malformedRate\": 1.0}"));
        var answer = ok(sandbox.get(organisation()));
        assertThatThrownBy(() -> JsonMapper.shared().readTree(answer.body())).isNotNull();
    }

    @Test
    void aTimeoutHoldsTheRequestUntilTheClientGivesUpAndTheResetLetsItGo() {
        ok(sandbox.put("/faults/erap", "{\"timeoutRate\": 1.0}"));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.base() + "/erap/v1/fines/" + sandbox.persona("buyer-aidar").get("iin").stringValue()))
                .timeout(Duration.ofMillis(800)).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofByteArray())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void mbgAndSmsHonourFaultsToo() {
        ok(sandbox.put("/faults/mbg", "{\"errorRate\": 1.0}"));
        problem(sandbox.get("/mbg/v1/subscribers/" + sandbox.persona("buyer-aidar").get("iin").stringValue()), 503);
        ok(sandbox.put("/faults/sms", "{\"errorRate\": 1.0}"));
        problem(sandbox.postJson("/sms/v1/messages", "{\"to\": \"+77011234567\", \"text\": \"code 123456\"}"), 503);
        ok(sandbox.get("/sms/v1/messages"));
    }

    @Test
    void badSettingsAreRefused() {
        problem(sandbox.put("/faults/nowhere", "{}"), 404);
        problem(sandbox.put("/faults/epts", "{\"errorRate\": 2}"), 400);
        problem(sandbox.put("/faults/epts", "{\"outageUntil\": \"tomorrow\"}"), 400);
        problem(sandbox.put("/faults/epts", "not json"), 400);
    }
}
