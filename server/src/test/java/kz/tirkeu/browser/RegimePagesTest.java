package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The regime's pages in a real browser (issue [6]): the official of the authorised body suspends the sandbox's regime
 * on the page, signing with NCALayer, and a new S1 is refused with the regime's reason; resumed, S1 starts again; the
 * official issues a sealed evaluation report; a dealer's head writes and signs the periodic report; and the public
 * register, the official's and the dealer's pages pass axe's WCAG 2.1 AA rules. Screenshots under target/screenshots/.
 */
@TirkeuServerTest
class RegimePagesTest extends BrowserTest {

    static final String SANDBOX = "tirkeu-sandbox";

    @AfterEach
    void resumeIfLeftSuspended() {
        // The sandbox regime is every other test's too: never leave it suspended, whatever happened here.
        if ("SUSPENDED".equals(api.get("/api/v1/regimes/" + SANDBOX, null).body().path("status").asString())) {
            String official = api.signIn("staff-regime-official");
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("kind", "RESUMED");
            draft.put("legalBasis", Map.of("title", Map.of("kk", "Тест", "ru", "Тест", "en", "Test"), "issues",
                    List.of(Map.of("number", "T-RESUMED", "date", "2026-01-01", "issuer", Map.of("kk", "Орган", "ru", "Орган", "en", "Body"))), "reference", ""));
            Reply prepared = api.post("/api/v1/regimes/" + SANDBOX + "/decisions/to-sign", draft, official);
            api.post("/api/v1/regimes/" + SANDBOX + "/decisions", Map.of("decision", prepared.body().path("decision"),
                    "signature", api.signBase64(prepared.body().path("dataToSign").asString(), api.key("staff-regime-official", "sign"))), official);
        }
    }

    @Test
    void theOfficialSuspendsTheSandboxRegimeOnThePageAndANewApplicationIsRefusedWithItsReason() {
        signIn("staff-regime-official");
        browser.click(By.id("menu-authority"));
        browser.click(By.linkText(browser.driver.findElement(By.cssSelector("#authority-regimes a[href$='/" + SANDBOX + "']")).getText()));
        assertThat(text("regime-status")).isEqualTo("Действует");
        browser.screenshot("authority-regime");
        decide("SUSPENDED", "Выявлен риск: проверка остановлена на время теста");
        assertThat(journeys.messageIn("decision-recorded", "Решение подписано")).isNotBlank();
        assertThat(text("regime-status")).isEqualTo("Приостановлен");

        String seller = api.signIn("dealer1-manager");
        ApplicationJourney journey = new ApplicationJourney(api);
        String buyer = journey.iinOf("buyer-aidar");
        String vin = journey.freshVehicle(buyer, 1).path("vin").asString();
        Reply refused = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/applications"))
                .header("Content-Type", "application/json").header("Accept-Language", "ru")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"vin\":\"" + vin + "\",\"buyerIin\":\"" + buyer + "\"}")), seller);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("REGIME_SUSPENDED");
        assertThat(refused.body().path("detail").asString()).contains("Выявлен риск: проверка остановлена на время теста");
        browser.driver.get(url("/regimes/" + SANDBOX));
        assertThat(text("regime-status")).isEqualTo("Приостановлен");

        browser.driver.get(url("/authority/regimes/" + SANDBOX));
        decide("RESUMED", "");
        assertThat(journeys.messageIn("decision-recorded", "Решение подписано")).isNotBlank();
        assertThat(text("regime-status")).isEqualTo("Действует");
        Reply started = api.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyer), seller);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);

        browser.click(By.id("issue-evaluation"));
        assertThat(journeys.messageIn("evaluation-issued", "Отчёт об оценке")).contains("EV-");
        assertThat(browser.driver.findElement(By.id("evaluation-list")).getText()).contains("PDF (рус.)");
        browser.screenshot("authority-evaluation-issued");
        List<String> findings = Accessibility.violations(browser.driver);
        assertThat(findings).as("axe on the authority's page").isEmpty();
    }

    @Test
    void aDealersHeadWritesAndSignsThePeriodicReportOnThePage() {
        signIn("dealer1-head");
        browser.click(By.id("menu-regime-reports"));
        type("activity", "Оформили продажи через портал; покупатели подписывали с телефона.");
        type("problems", "Один раз ГБД ФЛ не ответил, заявление подождало.");
        browser.click(By.id("prepare"));
        assertThat(text("statement")).contains("tirkeu.regime-dealer-report/1").contains("120440037156");
        browser.screenshot("dealer-report-sign");
        browser.click(By.id("sign-button"));
        assertThat(journeys.messageIn("report-submitted", "Отчёт подписан")).isNotBlank();
        assertThat(text("reports")).contains("Оформили продажи через портал");
        assertThat(Accessibility.violations(browser.driver)).as("axe on the dealer's report page").isEmpty();

        for (String path : List.of("/regimes", "/regimes/" + SANDBOX, "/regimes/egov-primary-registration-754-499")) {
            browser.driver.get(url(path));
            assertThat(Accessibility.violations(browser.driver)).as("axe on " + path).isEmpty();
        }
        browser.screenshot("public-register-pilot");
    }

    private void decide(String kind, String reason) {
        new Select(browser.driver.findElement(By.id("kind"))).selectByValue(kind);
        type("actTitle", "Приказ уполномоченного органа (тест)");
        type("actNumber", "T-" + kind);
        browser.driver.findElement(By.id("actDate")).sendKeys("01012026");
        type("actIssuer", "Уполномоченный орган");
        if (!reason.isEmpty()) {
            type("reasonRu", reason);
            type("reasonKk", reason);
            type("reasonEn", reason);
        }
        browser.click(By.id("prepare-decision"));
        assertThat(text("statement")).contains("\"kind\":\"" + kind + "\"");
        browser.click(By.id("sign-button"));
    }
}
