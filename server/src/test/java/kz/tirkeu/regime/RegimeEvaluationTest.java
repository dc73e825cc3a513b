package kz.tirkeu.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import kz.tirkeu.pki.document.VerifiedDocument;
import kz.tirkeu.registry.certificate.CertificateSigning;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subjects report and the authorised body evaluates (issue [6] point 5): a dealer's periodic report is signed by
 * its first head and no one else, and stored as a signed document; the platform issues an evaluation report for a
 * period, sealed with its key like a certificate, that verifies as one and downloads as JSON, CSV and PDF (kk, ru).
 * Under the sandbox's regime, whose dealers are admitted from the day the sandbox started.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeEvaluationTest {

    static final String SANDBOX = "tirkeu-sandbox";

    @LocalServerPort
    int port;

    @Autowired
    CertificateSigning seal;

    TirkeuClient client;
    String today;

    @BeforeAll
    void client() {
        client = new TirkeuClient(port);
        today = LocalDate.now(RegimeDates.ZONE).toString();
    }

    @Test
    void aDealersReportIsSignedByItsHeadAndStoredAsASignedDocument() {
        String head = client.signIn("dealer1-head");
        Map<String, String> draft = Map.of("from", today, "to", today, "activity", "Продали 12 автомобилей через портал.",
                "problems", "ГБД ФЛ не отвечал дважды.", "proposals", "Уведомлять покупателя по SMS раньше.");
        Reply prepared = client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports/to-sign", draft, head);
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        JsonNode report = prepared.body().path("report");
        assertThat(report.path("dealerBin").asString()).isEqualTo("120440037156");
        String data = prepared.body().path("dataToSign").asString();

        Reply byManager = client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports",
                Map.of("report", report, "signature", client.signBase64(data, client.key("dealer1-manager", "sign"))), head);
        assertThat(byManager.code()).as("the manager has signing right, but the report is the head's").isEqualTo("REPORT_SIGNATURE_INVALID");
        ObjectNode altered = (ObjectNode) report.deepCopy();
        altered.put("activity", "Продали 120 автомобилей.");
        Reply tampered = client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports",
                Map.of("report", altered, "signature", client.signBase64(data, client.key("dealer1-head", "sign"))), head);
        assertThat(tampered.code()).isEqualTo("REPORT_SIGNATURE_MISMATCH");

        Reply submitted = client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports",
                Map.of("report", report, "signature", client.signBase64(data, client.key("dealer1-head", "sign"))), head);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        String id = submitted.body().path("id").asString();
        Reply again = client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports",
                Map.of("report", report, "signature", client.signBase64(data, client.key("dealer1-head", "sign"))), head);
        assertThat(again.body().path("id").asString()).as("the same report sent twice is recorded once").isEqualTo(id);

        String headIin = client.get("/sandbox/personas/dealer1-head", null).body().path("iin").asString();
        String authority = client.signIn(RegimeOfficial.PERSONA);
        Reply all = client.get("/api/v1/regimes/" + SANDBOX + "/dealer-reports", authority);
        assertThat(all.body().toString()).contains(id).contains("ГБД ФЛ не отвечал дважды.").doesNotContain(headIin);
        Reply own = client.get("/api/v1/regimes/" + SANDBOX + "/dealer-reports", client.signIn("dealer2-manager"));
        assertThat(own.body().toString()).as("a dealer reads its own reports only").doesNotContain(id);

        byte[] content = download("/api/v1/regimes/" + SANDBOX + "/dealer-reports/" + id + "/content", authority);
        assertThat(content).isEqualTo(Base64.getDecoder().decode(data));
        assertThat(download("/api/v1/regimes/" + SANDBOX + "/dealer-reports/" + id + "/signature", authority)).isNotEmpty();

        assertThat(client.post("/api/v1/regimes/egov-primary-registration-754-499/dealer-reports/to-sign", draft, head).code())
                .as("the pilot admitted no dealer").isEqualTo("DEALER_NOT_A_SUBJECT");
        assertThat(client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports/to-sign", Map.of("from", today, "to", today), head).code())
                .isEqualTo("REPORT_TEXT_MISSING");
        assertThat(client.post("/api/v1/regimes/" + SANDBOX + "/dealer-reports/to-sign", draft, client.signIn("buyer-aidar")).status()).isEqualTo(403);
    }

    @Test
    void anEvaluationReportIsSealedByThePlatformAndReadsAsJsonCsvAndPdf() throws Exception {
        String authority = client.signIn(RegimeOfficial.PERSONA);
        Reply issued = client.post("/api/v1/regimes/" + SANDBOX + "/evaluations", Map.of("from", today, "to", today), authority);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        String number = issued.body().path("number").asString();
        assertThat(number).matches("EV-\\d{4}-\\d{6}");

        String auditor = client.signIn("staff-auditor");
        byte[] json = download(issued.body().path("links").path("json").asString(), auditor);
        JsonNode report = client.json().readTree(json);
        assertThat(report.path("type").asString()).isEqualTo("tirkeu.regime-evaluation/1");
        assertThat(report.path("number").asString()).isEqualTo(number);
        assertThat(report.path("statusAtPeriodEnd").asString()).isEqualTo("ACTIVE");
        assertThat(report.path("indicators").path("total").has("started")).isTrue();
        assertThat(report.path("method").asString()).contains("Asia/Almaty");

        byte[] sealed = download(issued.body().path("links").path("sealed").asString(), auditor);
        VerifiedDocument verified = seal.verify(sealed);
        assertThat(verified.passed()).as(verified.report().message()).isTrue();
        assertThat(verified.content().orElseThrow().getBytes(StandardCharsets.UTF_8)).as("the seal covers exactly the JSON").isEqualTo(json);

        for (Map.Entry<String, String> language : Map.of("kk", "БАҒАЛАУ ТУРАЛЫ ЕСЕП", "ru", "ОТЧЁТ ОБ ОЦЕНКЕ").entrySet()) {
            byte[] pdf = download(issued.body().path("links").path("pdf" + (language.getKey().equals("kk") ? "Kk" : "Ru")).asString(), authority);
            // Kept for a person to look at, as the browser tests keep their screenshots.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/regime-evaluation-" + language.getKey() + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains(language.getValue()).contains(number).contains(SANDBOX);
            }
        }
        String csv = new String(download(issued.body().path("links").path("csv").asString(), authority), StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertThat(csv.split("\r\n")[0]).startsWith("report,regime,from,to,group,key,started,registered");
        assertThat(csv.split("\r\n")[1]).startsWith(number + "," + SANDBOX + "," + today + "," + today + ",all,all,");

        assertThat(client.get("/api/v1/regimes/" + SANDBOX + "/evaluations", auditor).body().toString()).contains(number);
        assertThat(client.post("/api/v1/regimes/" + SANDBOX + "/evaluations", Map.of("from", today, "to", today), auditor).status())
                .as("auditors read, the authorised body issues").isEqualTo(403);
        assertThat(client.get(issued.body().path("links").path("json").asString(), client.signIn("buyer-aidar")).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/regimes/" + SANDBOX + "/evaluations/EV-2000-000000", authority).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/regimes/" + SANDBOX + "/evaluations", Map.of("from", "2099-01-01", "to", "2099-01-31"), authority).code())
                .isEqualTo("PERIOD_NOT_BEGUN");
        assertThat(client.get(issued.body().path("links").path("json").asString() + "/pdf?lang=en", authority).code()).isEqualTo("LANGUAGE_UNSUPPORTED");
    }

    private byte[] download(String path, String token) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.base() + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
