package kz.tirkeu.statesystems;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.identity.Iin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The adapters against a scripted state system over real HTTP: what counts as found, not found and
 * unavailable, the evidence they keep, the exchange log, timeouts and the circuit breaker.
 */
@SpringBootTest(properties = {"tirkeu.state-systems.request-timeout=700ms", "tirkeu.state-systems.breaker-minimum-calls=4",
        "tirkeu.notification.dispatcher.enabled=false"})
class StateSystemClientTest {

    private static final HttpServer SERVER = start();
    private static final Map<String, Reply> SCRIPT = new ConcurrentHashMap<>();
    private static final AtomicInteger HITS = new AtomicInteger();

    record Reply(int status, String body, Map<String, String> headers, long delayMillis) {}

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                HITS.incrementAndGet();
                Reply reply = SCRIPT.getOrDefault(exchange.getRequestURI().getPath(), new Reply(404, "{\"status\":404}", Map.of(), 0));
                try (exchange) {
                    if (reply.delayMillis() > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(reply.delayMillis() * 1_000_000L);
                    }
                    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(reply.status(), body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException e) {
                    // the client gave up (timeout test)
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void stateSystems(DynamicPropertyRegistry registry) {
        registry.add("tirkeu.state-systems.base-url", () -> "http://127.0.0.1:" + SERVER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @Autowired
    VehiclePassports passports;

    @Autowired
    Individuals individuals;

    @Autowired
    AdministrativeFines fines;

    @Autowired
    JdbcClient db;

    @Autowired
    StateSystemsHealth health;

    private static final Vin VIN = Vin.parse("XW8ZZZ61ZPG000042");

    @BeforeEach
    void clear() {
        SCRIPT.clear();
    }

    @Test
    void aPassportIsFoundWithTheFactsAndTheDigestOfTheExactAnswer() {
        String body = """
                {"number":"KZ1234567890123","status":"ACTIVE","vin":"XW8ZZZ61ZPG000042","make":"Chevrolet","model":"Onix","category":"M1",
                 "year":2026,"engine":{"type":"PETROL","volumeCc":1199,"powerKw":85},"colour":"white","origin":"DOMESTIC","extraField":"ignored"}""";
        SCRIPT.put("/epts/v1/passports/" + VIN.value(), new Reply(200, body, Map.of(), 0));

        Answer<VehiclePassports.VehiclePassport> answer = passports.find(VIN);

        assertThat(answer).isInstanceOf(Answer.Found.class);
        VehiclePassports.VehiclePassport passport = ((Answer.Found<VehiclePassports.VehiclePassport>) answer).value();
        assertThat(passport.active()).isTrue();
        assertThat(passport.engine().powerKw()).isEqualTo(85);
        Evidence evidence = answer.evidence();
        assertThat(evidence.facts()).containsEntry("status", "ACTIVE").containsEntry("make", "Chevrolet").containsEntry("origin", "DOMESTIC");
        assertThat(evidence.responseDigest()).isEqualTo(HexFormat.of().formatHex(Digests.sha256(body.getBytes(StandardCharsets.UTF_8))));
        assertThat(db.sql("select outcome from state_system_exchange where request_id = ?").param(evidence.requestId()).query(String.class).single())
                .isEqualTo("FOUND");
    }

    @Test
    void notFoundIsADefiniteNo() {
        assertThat(individuals.find(Iin.of("900314300607"))).isInstanceOf(Answer.NotFound.class);
    }

    @Test
    void anOverloadedSystemIsUnavailableWithItsRetryAfter() {
        SCRIPT.put("/erap/v1/fines/900314300607", new Reply(503, "{}", Map.of("Retry-After", "7"), 0));

        Answer<AdministrativeFines.UnpaidFines> answer = fines.unpaid(Iin.of("900314300607"));

        assertThat(answer).isInstanceOfSatisfying(Answer.Unavailable.class, down -> {
            assertThat(down.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(down.why()).contains("HTTP 503");
        });
    }

    @Test
    void anAnswerThatBreaksTheContractIsUnavailableNotNoData() {
        SCRIPT.put("/gbdfl/v1/persons/900314300607", new Reply(200, "<html>maintenance</html>", Map.of(), 0));
        assertThat(individuals.find(Iin.of("900314300607"))).isInstanceOfSatisfying(Answer.Unavailable.class,
                down -> assertThat(down.why()).contains("not what its contract says"));
    }

    @Test
    void aSlowSystemTimesOutAsUnavailable() {
        SCRIPT.put("/gbdfl/v1/persons/660427402182", new Reply(200, "{}", Map.of(), 3_000));
        long started = System.nanoTime();
        assertThat(individuals.find(Iin.of("660427402182"))).isInstanceOf(Answer.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void afterRepeatedFailuresTheBreakerHoldsCallsBackWithoutAskingTheSystem() {
        SCRIPT.put("/epts/v1/passports/" + VIN.value(), new Reply(500, "{}", Map.of(), 0));
        for (int i = 0; i < 6; i++) {
            passports.find(VIN);
        }
        int hitsBefore = HITS.get();

        Answer<VehiclePassports.VehiclePassport> held = passports.find(VIN);

        assertThat(held).isInstanceOfSatisfying(Answer.Unavailable.class, down -> assertThat(down.why()).contains("circuit breaker open"));
        assertThat(HITS.get()).isEqualTo(hitsBefore);
        assertThat(health.health().getStatus().getCode()).as("a state system's outage is not the server's").isEqualTo("UP");
        assertThat(health.health().getDetails()).containsEntry("VEHICLE_PASSPORTS", "OPEN");
    }
}
