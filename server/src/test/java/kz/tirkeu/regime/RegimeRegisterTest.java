package kz.tirkeu.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The public register (issue [6] points 6–7): in the default run, without signing in, the pilot under order 754/499
 * is shown ended on 31.08.2026 and the sandbox's regime in force and marked as test data, on the pages in three
 * languages, in JSON and CSV; the landing page says which regime applications start under; and nothing published
 * names a person — checked against every persona the sandbox has.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeRegisterTest {

    static final String PILOT = "egov-primary-registration-754-499";
    static final String SANDBOX = "tirkeu-sandbox";

    @LocalServerPort
    int port;

    TirkeuClient client;

    @BeforeAll
    void client() {
        client = new TirkeuClient(port);
    }

    @Test
    void theDefaultRunShowsThePilotEndedAndTheSandboxRegimeInForce() {
        JsonNode regimes = client.get("/api/v1/regimes", null).body();
        JsonNode pilot = find(regimes, PILOT);
        JsonNode sandbox = find(regimes, SANDBOX);
        assertThat(pilot.path("status").asString()).isEqualTo("TERMINATED");
        assertThat(pilot.path("statusSince").asString()).isEqualTo("2026-09-01");
        assertThat(pilot.path("sandbox").asBoolean()).isFalse();
        assertThat(pilot.path("decisions").toString()).contains("TERM_EXPIRED");
        assertThat(sandbox.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(sandbox.path("sandbox").asBoolean()).isTrue();

        String ru = page("/regimes", "ru");
        assertThat(ru).contains("Экспериментальные правовые режимы").contains("Прекращён").contains("Действует")
                .contains("Тестовые данные песочницы".substring(0, 5)).contains("31.08.2026");
        assertThat(page("/regimes", "kk")).contains("Эксперименттік құқықтық режимдер").contains("Тоқтатылды");
        assertThat(page("/regimes", "en")).contains("Experimental legal regimes").contains("Ended").contains("In force");

        String detail = page("/regimes/" + PILOT, "ru");
        assertThat(detail).contains("№ 754").contains("№ 499").contains("09.10.2025 – 31.08.2026").contains("само собой по истечении срока")
                .contains("Результаты");
        String sandboxDetail = page("/regimes/" + SANDBOX, "en");
        assertThat(sandboxDetail).contains("Sandbox test data without legal force").contains("120440037156").contains("Admitted organisations");
        assertThat(page("/regimes/" + PILOT + "/versions/1", "en")).contains("Version 1 of the record");
        assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + "/regimes/no-such-regime")).header("Accept-Language", "en"), null).status())
                .isEqualTo(404);

        Reply csv = client.get("/api/v1/regimes.csv", null);
        assertThat(csv.status()).isEqualTo(200);
        String table = csv.raw().body().replace("\uFEFF", "");
        assertThat(table.split("\r\n")[0]).isEqualTo("code,sandbox,status,statusSince,version,name_kk,name_ru,name_en,termStart,termEnd,territory,legalBasis,subjects,decisions");
        assertThat(table).contains(PILOT + ",false,TERMINATED,2026-09-01,").contains(SANDBOX + ",true,ACTIVE,");

        String landing = page("/", "ru");
        assertThat(landing).contains("id=\"regime-in-use\"").contains("Заявления подаются в рамках режима")
                .contains("Прекращён").contains("/regimes/" + PILOT);
        assertThat(client.get("/api/v1/process-definition", null).body().path("regimes").toString()).contains(SANDBOX).contains(PILOT);
    }

    @Test
    void nothingPublishedNamesAPerson() {
        List<String> published = new ArrayList<>();
        published.add(client.get("/api/v1/regimes", null).raw().body());
        published.add(client.get("/api/v1/regimes.csv", null).raw().body());
        for (JsonNode regime : client.get("/api/v1/regimes", null).body()) {
            String code = regime.path("code").asString();
            published.add(client.get("/api/v1/regimes/" + code, null).raw().body());
            published.add(client.get("/api/v1/regimes/" + code + "/results", null).raw().body());
            published.add(client.get("/api/v1/regimes/" + code + "/results.csv", null).raw().body());
            for (String lang : List.of("kk", "ru", "en")) {
                published.add(page("/regimes/" + code, lang));
            }
        }
        for (String lang : List.of("kk", "ru", "en")) {
            published.add(page("/regimes", lang));
        }
        String everything = String.join("\n", published);

        int checked = 0;
        for (JsonNode persona : client.get("/sandbox/personas", null).body().path("personas")) {
            String iin = persona.path("iin").asString();
            if (iin.isBlank()) {
                continue; // an organisation's seal or a system: no individual
            }
            checked++;
            assertThat(everything).as("IIN of " + persona.path("id").asString()).doesNotContain(iin);
            JsonNode person = client.get("/sandbox/gbdfl/v1/persons/" + iin, null).body();
            for (String part : List.of("surname", "name")) {
                String name = person.path(part).asString();
                if (name.length() > 3) {
                    assertThat(everything).as(part + " of " + persona.path("id").asString()).doesNotContain(name);
                }
            }
            JsonNode address = person.path("address");
            if (address.path("street").asString().length() > 3) {
                assertThat(everything).as("street of " + persona.path("id").asString())
                        .doesNotContain(address.path("street").asString() + ", " + address.path("house").asString());
            }
        }
        assertThat(checked).as("every individual persona, the regime official's included").isGreaterThan(10);
        assertThat(everything).doesNotContain("791103430053");
    }

    private String page(String path, String lang) {
        Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base() + path)).header("Accept-Language", lang)
                .header("Accept", "text/html"), null);
        assertThat(reply.status()).as(path + " " + lang).isEqualTo(200);
        return reply.raw().body();
    }

    private static JsonNode find(JsonNode regimes, String code) {
        for (JsonNode regime : regimes) {
            if (regime.path("code").asString().equals(code)) {
                return regime;
            }
        }
        throw new AssertionError("no regime " + code + " in " + regimes);
    }
}
