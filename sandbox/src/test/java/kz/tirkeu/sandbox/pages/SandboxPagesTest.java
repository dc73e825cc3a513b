package kz.tirkeu.sandbox.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's pages for people: each answers a browser with HTML under the SANDBOX banner and the
 * navigation, in the language asked for; their forms change what the JSON API then reports; and API
 * clients keep getting JSON at the same addresses.
 */
@SandboxTest
class SandboxPagesTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String AIDAR = "900314312346";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyPageIsMarkedAsTheSandboxAndCarriesTheNavigation() {
        for (String path : new String[] {"", "/personas", "/scenarios", "/sms", "/mail", "/signer", "/faults", "/production", "/payments"}) {
            HttpResponse<String> page = page(path, "en");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("SANDBOX — test data, not a state system", "id=\"main\"",
                    "href=\"/sandbox/faults\"", "href=\"/sandbox/production\"", "href=\"/sandbox/mail\"", "?lang=kk", "?lang=ru");
            assertThat(page.body()).as(path).contains("aria-current=\"page\"");
        }
    }

    @Test
    void aPageSpeaksTheLanguageChosenOrAskedForAndKeepsTheChoice() {
        HttpResponse<String> chosen = get("/sms?lang=ru", BROWSER, "en");
        assertThat(chosen.body()).contains("<html lang=\"ru\"", "SMS-ящик", "ПЕСОЧНИЦА");
        assertThat(chosen.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("TIRKEU_LANG=ru"));

        assertThat(page("/faults", "ru").body()).contains("Сбои систем", "никогда не отказывать");
        assertThat(page("/faults", "en").body()).contains("never refuse");
        // No language asked for: Kazakh, the state language.
        assertThat(get("/scenarios", BROWSER, null).body()).contains("<html lang=\"kk\"", "Сценарийлер");
        HttpResponse<String> kept = send(HttpRequest.newBuilder(uri("/personas")).header("Accept", BROWSER).header("Accept-Language", "en")
                .header("Cookie", "TIRKEU_LANG=kk").GET());
        assertThat(kept.body()).contains("<html lang=\"kk\"", "Тест тұлғалар");
    }

    @Test
    void apiClientsKeepTheirJsonAtTheSameAddresses() {
        for (String accept : new String[] {"application/json", "*/*"}) {
            assertThat(json(get("", accept)).has("stateSystems")).as(accept).isTrue();
            assertThat(json(get("/personas", accept)).get("personas").isArray()).as(accept).isTrue();
            assertThat(json(get("/scenarios", accept)).get(0).get("id").stringValue()).as(accept).isEqualTo("happy-path");
            assertThat(json(get("/faults", accept)).has("epts")).as(accept).isTrue();
        }
    }

    @Test
    void thePersonasPageShowsWhatEachIsForWithItsKeysAndItsButtonsRevokeAndRenew() {
        String page = page("/personas", "en").body();
        assertThat(page).contains("buyer-aidar", AIDAR, "Qwerty12", "/sandbox/personas/buyer-aidar/sign.p12",
                "Dealer manager with signing right", "Dealer clerk without signing right", "Police officer (region 02)", "Has unpaid fines in ЕРАП",
                "action=\"/sandbox/signer\"", "action=\"/sandbox/personas/dealer2-clerk/auth/revocation\"", "confirm(");

        HttpResponse<String> revoked = form("/personas/dealer2-clerk/auth/revocation", "");
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).startsWith("/sandbox/personas?done=").endsWith("#dealer2-clerk");
        assertThat(key("dealer2-clerk").get("status").stringValue()).isEqualTo("revoked");
        String back = revoked.headers().firstValue("Location").orElseThrow();
        assertThat(page(back.substring("/sandbox".length(), back.indexOf('#')), "en").body()).contains("Done: dealer2-clerk AUTH revoked.", "revoked</span>");

        assertThat(form("/personas/dealer2-clerk/auth/renewal", "").statusCode()).isEqualTo(303);
        assertThat(key("dealer2-clerk").get("status").stringValue()).isEqualTo("good");
    }

    @Test
    void theScenariosPageListsTheCatalogueAndMakesAFreshVehicle() {
        String page = page("/scenarios", "en").body();
        JsonNode happy = json(get("/scenarios", "application/json")).get(0);
        assertThat(page).contains("happy-path", happy.get("vin").stringValue(), "SELLER_NOT_A_VEHICLE_DEALER", "dealer1-manager",
                "action=\"/sandbox/seed/v1/ready-vehicles\"", "ТОО «Есіл Моторс»");

        HttpResponse<String> made = form("/seed/v1/ready-vehicles", "buyerIin=" + AIDAR + "&sellerBin=" + happy.get("seller").get("bin").stringValue());
        assertThat(made.statusCode()).isEqualTo(303);
        String location = URLDecoder.decode(made.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        String vin = location.replaceAll(".*[?&]vin=([A-Z0-9]{17}).*", "$1");
        assertThat(vin).hasSize(17);
        assertThat(json(get("/seed/v1/ready-vehicles?buyerIin=" + AIDAR, "application/json")).toString()).contains(vin);
        String back = made.headers().firstValue("Location").orElseThrow();
        assertThat(page(back.substring("/sandbox".length(), back.indexOf('#')), "en").body())
                .contains("New vehicle: VIN <code id=\"made-vin\">" + vin + "</code>");

        HttpResponse<String> wrong = form("/seed/v1/ready-vehicles", "buyerIin=123456789012");
        assertThat(URLDecoder.decode(wrong.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8)).contains("vehicleError=");
        // The API's own call is unchanged.
        assertThat(send(HttpRequest.newBuilder(uri("/seed/v1/ready-vehicles?buyerIin=" + AIDAR)).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(201);
    }

    @Test
    void finesAreAddedAndPaidFromTheScenariosPage() {
        String iin = json(get("/personas/buyer-dana", "application/json")).get("iin").stringValue();
        assertThat(form("/scenarios/fines", "iin=" + iin + "&amountKzt=12345").statusCode()).isEqualTo(303);
        JsonNode fines = json(get("/erap/v1/fines/" + iin, "application/json"));
        JsonNode fine = fines.get("unpaid").get(fines.get("unpaid").size() - 1);
        assertThat(fine.get("amountKzt").longValue()).isEqualTo(12345);
        String protocol = fine.get("protocolNumber").stringValue();
        assertThat(page("/scenarios", "en").body()).contains(protocol);

        assertThat(form("/scenarios/fines/paid", "iin=" + iin + "&protocolNumber=" + protocol).statusCode()).isEqualTo(303);
        assertThat(json(get("/erap/v1/fines/" + iin, "application/json")).toString()).doesNotContain(protocol);
    }

    @Test
    void aFaultSetThroughTheFormIsWhatTheApiReportsAndResetTurnsItOff() {
        try {
            HttpResponse<String> set = form("/faults/epts", "latencyMs=5&errorPercent=25&timeoutPercent=0&malformedPercent=0&outageMinutes=10&do=set");
            assertThat(set.statusCode()).isEqualTo(303);
            assertThat(set.headers().firstValue("Location").orElseThrow()).isEqualTo("/sandbox/faults?done=epts#epts");
            JsonNode epts = json(get("/faults", "application/json")).get("epts");
            assertThat(epts.get("latencyMs").longValue()).isEqualTo(5);
            assertThat(epts.get("errorRate").doubleValue()).isEqualTo(0.25);
            assertThat(epts.get("outageUntil").isNull()).isFalse();
            assertThat(page("/faults", "en").body()).contains("value=\"25\"", "down until");

            HttpResponse<String> wrong = form("/faults/customs", "errorPercent=150");
            assertThat(URLDecoder.decode(wrong.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8)).contains("error=");
            assertThat(json(get("/faults", "application/json")).get("customs").get("errorRate").doubleValue()).isZero();

            assertThat(form("/faults/epts", "do=reset").statusCode()).isEqualTo(303);
            assertThat(json(get("/faults", "application/json")).get("epts").get("errorRate").doubleValue()).isZero();
            form("/faults/gbdfl", "latencyMs=1");
            assertThat(form("/faults/reset", "").statusCode()).isEqualTo(303);
            assertThat(json(get("/faults", "application/json")).get("gbdfl").get("latencyMs").longValue()).isZero();
        } finally {
            SandboxHttp.onPort(port).delete("/faults");
        }
    }

    @Test
    void thePersonasPageShowsABuyersIdentityDocumentAsTheJsonHasIt() {
        JsonNode document = SandboxHttp.onPort(port).persona("buyer-aidar").get("identityDocuments").get(0);

        assertThat(page("/personas", "en").body()).contains("Identity document (shown at the PSC)",
                "<code class=\"id-document\">" + document.get("number").stringValue() + " (" + document.get("type").stringValue() + ")</code>");
    }

    @Test
    void theProductionPageMovesAPrintJobAndAPlateOrderOn() {
        SandboxHttp sandbox = SandboxHttp.onPort(port);
        String job = SandboxHttp.json(sandbox.postJson("/print-centre/v1/jobs", "{\"certificateNumber\": \"02PG" + System.nanoTime() % 1_000_000 + "\", \"pscCode\": \"ALM-01\"}"))
                .get("jobId").stringValue();
        String order = SandboxHttp.json(sandbox.postJson("/plate-maker/v1/orders", "{\"plateNumber\": \"" + (100 + System.nanoTime() % 900) + " PGE 02\", "
                + "\"plateType\": \"STANDARD_SINGLE_LINE\", \"pscCode\": \"ALM-01\"}")).get("orderId").stringValue();
        assertThat(page("/production", "en").body()).contains(job, order, "QUEUED", "action=\"/sandbox/production/print-centre/" + job + "/advance\"");

        assertThat(form("/production/print-centre/" + job + "/advance", "").statusCode()).isEqualTo(303);
        assertThat(json(get("/print-centre/v1/jobs/" + job, "application/json")).get("status").stringValue()).isEqualTo("PRINTED");
        form("/production/plate-maker/" + order + "/advance", "");
        form("/production/plate-maker/" + order + "/advance", "");
        assertThat(json(get("/plate-maker/v1/orders/" + order, "application/json")).get("status").stringValue()).isEqualTo("AT_PSC");
        assertThat(page("/production", "en").body()).contains("At the PSC");
    }

    @Test
    void aPaidInvoiceIsRefundedFromThePaymentsPage() {
        SandboxHttp sandbox = SandboxHttp.onPort(port);
        String reference = "A-PAGES-" + System.nanoTime();
        JsonNode invoice = SandboxHttp.json(sandbox.postJson("/payments/v1/invoices", "{\"reference\": \"" + reference + "\", \"payerIin\": \"" + AIDAR + "\", "
                + "\"items\": [{\"code\": \"REGISTRATION_FEE\", \"description\": \"fee\", \"amountKzt\": 1081}], "
                + "\"callbackUrl\": \"http://localhost:1/nobody\", \"returnUrl\": \"http://localhost:1/back\"}"));
        String id = invoice.get("invoiceId").stringValue();
        sandbox.postJson("/payments/v1/invoices/" + id + "/payment", "{\"action\": \"pay\"}");
        assertThat(page("/payments", "en").body()).contains(reference, "PAID", "name=\"invoiceId\" value=\"" + id + "\"");

        assertThat(form("/payments/refunds", "invoiceId=" + id).statusCode()).isEqualTo(303);
        assertThat(json(get("/payments/v1/invoices/" + id, "application/json")).get("status").stringValue()).isEqualTo("REFUNDED");
    }

    @Test
    void theMailPageListsWhatTheCatcherKept() {
        assertThat(page("/mail", "en").body()).contains("SMTP localhost:", "/sandbox/mail/v1/messages");
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body()).contains("json");
        return JsonMapper.shared().readTree(response.body());
    }

    private JsonNode key(String persona) {
        for (JsonNode key : json(get("/personas/" + persona, "application/json")).get("keys")) {
            if (key.get("purpose").stringValue().equals("AUTH")) {
                return key;
            }
        }
        throw new AssertionError(persona + " has no AUTH key");
    }

    private HttpResponse<String> page(String path, String language) {
        return get(path, BROWSER, language);
    }

    private HttpResponse<String> get(String path, String accept) {
        return get(path, accept, null);
    }

    private HttpResponse<String> get(String path, String accept, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    /** As a browser posts a page's form. */
    private HttpResponse<String> form(String path, String fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/sandbox" + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
