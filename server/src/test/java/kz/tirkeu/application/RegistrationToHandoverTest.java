package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.CollectionTable;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.document.DigitalDocumentVerifier;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.ValidationPolicy;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.ApplicationJourney.Submitted;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue's happy path from "submitted" to "handed over", every step over HTTP against the
 * sandbox: the registration decision (S19), the register, the certificate (downloaded, checked offline
 * and on the public page), production at the print centre and the plate maker, the ready notice (P7),
 * reception with a queue ticket (P8) and the handover (P9–P10).
 */
@TirkeuServerTest
class RegistrationToHandoverTest {

    @LocalServerPort
    int port;

    @Autowired
    RegistrationDecision decision;

    @Autowired
    CollectionTable collections;

    @Autowired
    TestClock clock;

    @Test
    void aSubmittedApplicationEndsWithARegisteredVehicleACertificateThatVerifiesAndAHandoverAtThePsc() throws Exception {
        TirkeuClient client = new TirkeuClient(port);
        ApplicationJourney journey = new ApplicationJourney(client);
        Submitted submitted = journey.submitted("buyer-aidar", 2);
        String buyerIin = journey.iinOf("buyer-aidar");

        clock.advance(Duration.ofSeconds(1));
        await("registered", () -> {
            decision.decideDue();
            return journey.status(submitted.number(), submitted.buyerToken());
        }, "REGISTERED"::equals);
        JsonNode registration = client.get("/api/v1/applications/" + submitted.number(), submitted.buyerToken()).body().path("registration");
        String plate = registration.path("plate").asString();
        assertThat(plate).matches("\\d{3} [A-Z]{3} 02");

        // The certificate: downloaded by the buyer, verified offline from the file alone, and on the public page without signing in.
        JsonNode mine = client.get("/api/v1/me/certificates", submitted.buyerToken()).body();
        JsonNode certificate = null;
        for (JsonNode c : mine) {
            if (c.toString().contains(submitted.number())) {
                certificate = c;
            }
        }
        assertThat(certificate).as(mine.toString()).isNotNull();
        String number = registration.path("certificate").asString().replace(" ", "");
        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(client.base() + "/api/v1/certificates/" + number + "/document"))
                .header("Authorization", "Bearer " + submitted.buyerToken()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        // Kept for IssuedCertificateVerifierJarIT, which runs the packaged verifier jar on it after the build.
        Path kept = Files.createDirectories(Path.of("target", "issued-certificate"));
        Files.write(kept.resolve("certificate.p7m"), file.body());
        Files.writeString(kept.resolve("root.pem"), client.get("/sandbox/ca/certs/root.pem", null).raw().body());
        Files.writeString(kept.resolve("plate.txt"), plate);
        // As the verifier jar does with --offline: the root of the CA one trusts, no network, only the evidence inside the file.
        var root = Pem.readCertificates(client.get("/sandbox/ca/certs/root.pem", null).raw().body().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var offline = new DigitalDocumentVerifier(new SignatureValidator(new ValidationPolicy(java.util.Set.copyOf(root), List.of(),
                SignatureAlgorithms.defaults()), new RevocationChecker(PkiHttpClient.offline(), clock, true), clock));
        var verified = offline.verify(file.body(), ExpectedSigner.organisation(Bin.of(client.get("/sandbox/personas/platform", null).body().path("bin").asString())));
        assertThat(verified.passed()).as(verified.report().toString()).isTrue();
        assertThat(verified.content().orElseThrow()).contains(plate).contains(submitted.vin()).contains(buyerIin);

        String verificationPath = URI.create(registration.path("verificationUrl").asString()).getPath();
        Reply page = client.get(verificationPath + "?lang=ru", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains(plate).doesNotContain(buyerIin);

        // Production: the print centre and the plate maker deliver to the PSC; then the buyer is told.
        CollectionRecord ordered = await("ordered from production", () -> collections.find(submitted.number()).orElse(null),
                r -> r != null && r.printJobId().isPresent() && r.plateOrderId().isPresent());
        finish(client, "/sandbox/print-centre/v1/jobs/" + ordered.printJobId().get(), "DELIVERED_TO_PSC");
        finish(client, "/sandbox/plate-maker/v1/orders/" + ordered.plateOrderId().get(), "AT_PSC");
        await("ready for collection", () -> journey.status(submitted.number(), submitted.buyerToken()), "READY_FOR_COLLECTION"::equals);
        assertThat(client.get("/api/v1/notices", submitted.buyerToken()).body().toString()).contains("issuance.documents-ready");

        // P8: reception checks the identity document against ГБД ФЛ and issues a queue ticket.
        String operator = client.signIn("staff-psc-operator");
        String document = client.get("/sandbox/gbdfl/v1/persons/" + buyerIin, null).body().path("documents").get(0).path("number").asString();
        Reply ticket = client.post("/api/v1/psc/ALM-01/reception", Map.of("applicationNumber", submitted.number(), "documentNumber", document), operator);
        assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(200);

        // P9–P10: the issuance sector finds the application by its number, checks identity again, hands over and records what.
        JsonNode found = client.get("/api/v1/psc/ALM-01/collections/" + submitted.number(), operator).body();
        List<String> serials = new ArrayList<>();
        found.path("plates").path("serials").forEach(s -> serials.add(s.asString()));
        Reply handed = client.post("/api/v1/psc/ALM-01/collections/" + submitted.number() + "/handover", Map.of("documentNumber", document,
                "plateSerials", serials, "certificateBlankNumber", found.path("certificate").path("blankNumber").asString()), operator);
        assertThat(handed.status()).as(handed.body().toString()).isEqualTo(200);

        JsonNode done = client.get("/api/v1/applications/" + submitted.number(), submitted.buyerToken()).body();
        assertThat(done.path("status").asString()).isEqualTo("HANDED_OVER");
        List<String> steps = new ArrayList<>();
        done.path("timeline").forEach(e -> steps.add(e.path("action").asString() + " " + e.path("step").asString()));
        assertThat(steps).containsSubsequence("SUBMITTED S19", "REGISTERED S19", "DOCUMENTS_READY P7", "QUEUE_TICKET_ISSUED P8", "HANDED_OVER P10");
        // In the default run, after the pilot's term (31.08.2026), the whole way goes under the sandbox's own regime (issue [6]).
        assertThat(done.path("timeline").get(0).path("detail").path("regime").asString()).isEqualTo("tirkeu-sandbox");
        JsonNode history = client.get("/api/v1/register/vehicles/" + submitted.vin(), client.signIn("staff-police-officer")).body().path("history");
        List<String> operations = new ArrayList<>();
        history.forEach(h -> operations.add(h.path("operation").asString()));
        assertThat(operations).containsExactly("REGISTERED", "DOCUMENTS_AT_PSC", "DOCUMENTS_HANDED_OVER");
        assertThat(history.get(2).path("detail").path("plateSerials").asString()).contains(serials.get(0));
    }

    private static void finish(TirkeuClient client, String path, String last) {
        for (int i = 0; i < 5 && !client.get(path, null).body().path("status").asString().equals(last); i++) {
            client.post(path + "/advance", "", null);
        }
        assertThat(client.get(path, null).body().path("status").asString()).isEqualTo(last);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(100))
                .until(probe::get, done::test);
    }
}
