package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's pages in a real browser inside the running platform (its Spring Security lets them
 * through, its CSRF rules leave their forms alone): each page under the SANDBOX banner, the faults form,
 * the fresh-vehicle form, the language switch, and a phone-sized screen. Screenshots in target/screenshots/.
 */
@TirkeuServerTest
class SandboxPagesTest {

    @LocalServerPort
    int port;

    Browser browser;
    TirkeuClient api;

    @BeforeEach
    void open() {
        browser = new Browser();
        api = new TirkeuClient(port);
        api.send(HttpRequest.newBuilder(URI.create(api.base() + "/sandbox/faults")).DELETE(), null);
    }

    @AfterEach
    void close() {
        browser.close();
        api.send(HttpRequest.newBuilder(URI.create(api.base() + "/sandbox/faults")).DELETE(), null);
    }

    @Test
    void aTesterWalksThroughEverySandboxPage() {
        // The browser asks for Russian; every page says it is the sandbox, and the navigation reaches each one.
        browser.driver.get(url("/sandbox"));
        assertThat(text("sandbox-banner")).contains("SANDBOX", "ПЕСОЧНИЦА");
        browser.screenshot("sandbox-home");
        for (String[] page : new String[][] {{"Тестовые лица", "sandbox-personas"}, {"Сценарии", "sandbox-scenarios"}, {"SMS-ящик", "sandbox-sms"},
                {"Почта", "sandbox-mail"}, {"Подписант", "sandbox-signer"}, {"Сбои", "sandbox-faults"}, {"Производство", "sandbox-production"},
                {"Платежи", "sandbox-payments"}}) {
            browser.driver.findElement(By.cssSelector("header.sandbox nav")).findElement(By.linkText(page[0])).click();
            browser.waiting().until(ExpectedConditions.attributeContains(By.cssSelector("header.sandbox nav a[aria-current]"), "textContent", page[0]));
            assertThat(text("sandbox-banner")).as(page[1]).contains("SANDBOX");
            browser.screenshot(page[1]);
        }
    }

    @Test
    void theSmsInboxShowsANewMessageByItselfWithoutReloading() {
        browser.driver.get(url("/sandbox/sms"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.body.dataset.stayed = 'yes'");
        String text = "Tirkeu test " + java.util.UUID.randomUUID();

        api.post("/sandbox/sms/v1/messages", java.util.Map.of("to", "+77010000001", "text", text), null);

        browser.waiting().until(d -> d.findElement(By.id("main")).getText().contains(text));
        assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-stayed")).as("not reloaded").isEqualTo("yes");
    }

    @Test
    void aFaultIsSetThroughTheFormAndTheApiSaysSo() {
        browser.driver.get(url("/sandbox/faults"));
        type("epts-errorPercent", "40");
        type("epts-latencyMs", "200");
        browser.click(By.cssSelector("#epts button[value=set]"));
        browser.waiting().until(ExpectedConditions.urlContains("done=epts"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-state=epts]")).getText()).contains("200 ms", "503 40%");
        browser.screenshot("sandbox-faults-set");

        JsonNode epts = api.get("/sandbox/faults", null).body().get("epts");
        assertThat(epts.get("errorRate").doubleValue()).isEqualTo(0.4);
        assertThat(epts.get("latencyMs").longValue()).isEqualTo(200);

        browser.click(By.id("reset-all"));
        browser.waiting().until(ExpectedConditions.urlContains("done=all"));
        assertThat(api.get("/sandbox/faults", null).body().get("epts").get("errorRate").doubleValue()).isZero();
    }

    @Test
    void aFreshVehicleIsMadeFromTheScenariosPageAndTheLanguageSwitches() {
        browser.driver.get(url("/sandbox/scenarios"));
        type("buyerIin", "900314312346");
        browser.click(By.id("make-vehicle"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("made-vin")));
        String vin = text("made-vin");
        assertThat(vin).hasSize(17);
        assertThat(api.get("/sandbox/seed/v1/ready-vehicles?buyerIin=900314312346", null).body().toString()).contains(vin);
        browser.screenshot("sandbox-scenarios-fresh-vehicle");

        browser.click(By.cssSelector(".languages a[lang=kk]"));
        browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "kk"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Сценарийлер");
        // The choice is kept: the next sandbox page, and the platform's own, speak Kazakh too.
        browser.driver.get(url("/sandbox/personas"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("kk");
        browser.click(By.cssSelector(".languages a[lang=en]"));
        browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        browser.screenshot("sandbox-personas-en");

        browser.phoneSized();
        browser.driver.get(url("/sandbox/scenarios"));
        browser.screenshot("sandbox-scenarios-phone");
        browser.driver.get(url("/sandbox/faults"));
        browser.screenshot("sandbox-faults-phone");
        browser.driver.get(url("/sandbox/personas"));
        browser.screenshot("sandbox-personas-phone");
    }

    private void type(String id, String value) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
