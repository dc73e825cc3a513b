package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The seller's and the buyer's cabinets in a real browser, as people use them: keys inserted on the
 * sandbox signer, sign-in with the SMS code, forms, htmx updating a page by itself, and every signature
 * made through the sandbox's NCALayer over its WebSocket. Each main page is saved under
 * target/screenshots/.
 */
@TirkeuServerTest
class CabinetJourneyTest extends BrowserTest {

    @Test
    void aDealerAndABuyerTakeACarFromTheLandingPageToSubmitted() {
        browser.driver.get(url("/"));
        browser.screenshot("landing");
        String vin = text("ready-vin");
        String buyerIin = text("ready-iin");

        signIn("dealer1-manager");
        browser.click(By.id("go-new"));
        // A mistyped IIN is caught on the form, in the page's language, before anything is stored.
        type("vin", vin);
        type("buyerIin", "123456789012");
        browser.click(By.id("start"));
        assertThat(text("iin-error")).as(browser.driver.findElement(By.tagName("body")).getText()).contains("ИИН");
        browser.screenshot("seller-new-field-error");
        type("buyerIin", buyerIin);
        browser.click(By.id("start"));

        waitForStatus("AWAITING_SELLER_SIGNATURE");
        assertThat(text("facts-VEHICLE_PASSPORTS")).contains(vin);
        browser.screenshot("seller-application-to-sign");
        browser.click(By.id("sign-button"));
        waitForStatus("AWAITING_BUYER_CONSENT");
        String number = text("number");
        browser.screenshot("seller-application-signed");
        browser.driver.get(url("/seller/applications?status=AWAITING_BUYER_CONSENT"));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(number);
        browser.screenshot("seller-applications");
        journeys.signOut();

        browser.phoneSized();
        signIn("buyer-aidar");
        browser.driver.get(url("/notices"));
        browser.screenshot("buyer-notices");
        browser.click(By.cssSelector("#notices li a"));
        browser.screenshot("buyer-notice");
        browser.click(By.id("open-application"));
        waitForStatus("AWAITING_BUYER_CONSENT");
        assertThat(text("regime")).contains("754/499");
        assertThat(text("facts-LEGAL_ENTITIES")).isNotBlank();
        assertThat(text("facts-SALE_CONTRACTS")).isNotBlank();
        browser.screenshot("buyer-consent");
        // Agreeing needs the experimental-regime notice acknowledged.
        browser.click(By.id("agree"));
        assertThat(text("regime-error")).isNotBlank();
        browser.click(By.id("regimeUnderstood"));
        browser.click(By.id("agree"));

        waitForStatus("AWAITING_CHOICES");
        browser.screenshot("buyer-choices");
        browser.click(By.id("choose"));
        waitForStatus("AWAITING_PAYMENT");
        browser.screenshot("buyer-payment");
        browser.click(By.id("pay"));
        browser.waiting().until(ExpectedConditions.urlContains("/sandbox/payments/pay/"));
        browser.screenshot("gateway-payment-page");
        browser.click(By.cssSelector("input[name=action][value=pay] + button"));
        // Back from the gateway onto the application, which moves on by itself once the gateway's callback lands.
        browser.waiting().until(ExpectedConditions.urlContains("/buyer/applications/" + number));
        waitForStatus("AWAITING_BUYER_SIGNATURE");
        browser.screenshot("buyer-sign");
        browser.click(By.id("sign-button"));
        waitForStatus("SUBMITTED");
        assertThat(text("next")).isNotBlank();
        assertThat(text("timeline")).contains("S18");
        browser.screenshot("buyer-submitted");
    }

    @Test
    void aBuyerWithUnpaidFinesIsToldInTheirLanguageToPayThem() {
        JsonNode scenario = scenario("unpaid-fines");
        String number = startAndSignOverTheApi(scenario, scenario.path("buyer").path("iin").asString());

        browser.driver.get(url("/language?lang=kk&return=/"));
        signIn(scenario.path("buyer").path("personaId").asString());
        browser.driver.get(url("/buyer/applications/" + number));
        browser.click(By.id("regimeUnderstood"));
        browser.click(By.id("agree"));
        waitForStatus("REFUSED");
        assertThat(text("refusal-message")).isEqualTo("Айыппұлдарды төлеп, өтінімді қайта беріңіз.");
        assertThat(text("facts-ADMINISTRATIVE_FINES")).contains("2");
        browser.screenshot("buyer-refused-unpaid-fines-kk");
    }

    @Test
    void aDealerCorrectsAWrongIin() {
        JsonNode scenario = scenario("buyer-not-found");
        browser.driver.get(url("/language?lang=en&return=/"));
        signIn(scenario.path("seller").path("personaId").asString());
        browser.driver.get(url("/seller/applications/new"));
        type("vin", readyVehicle(scenario.path("seller").path("bin").asString(), scenario.path("buyer").path("correction").path("iin").asString()));
        type("buyerIin", scenario.path("buyer").path("iin").asString());
        browser.click(By.id("start"));
        waitForStatus("BUYER_IIN_CORRECTION");
        assertThat(text("refusal-message")).startsWith("Enter a correct IIN");
        browser.screenshot("seller-iin-correction");
        type("correctIin", scenario.path("buyer").path("correction").path("iin").asString());
        browser.click(By.id("correct"));
        waitForStatus("AWAITING_SELLER_SIGNATURE");
        assertThat(text("buyer-iin")).isEqualTo(scenario.path("buyer").path("correction").path("iin").asString());
        browser.screenshot("seller-iin-corrected");
    }

    @Test
    void theLanguageSwitchesOnEveryPageAndIsKept() {
        browser.driver.get(url("/"));
        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).as("Chromium asks for ru").isEqualTo("ru");
        browser.click(By.id("lang-kk"));
        assertThat(text("main")).contains("Жаңа көлікті онлайн тіркеу");
        browser.screenshot("landing-kk");
        browser.click(By.id("lang-ru"));
        assertThat(text("main")).contains("Регистрация нового автомобиля онлайн");
        browser.click(By.id("lang-en"));
        assertThat(text("main")).contains("Register a new car online");
        browser.screenshot("landing-en");
        // The choice is kept (a cookie) on the next page, the sign-in page included.
        browser.driver.get(url("/signin"));
        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver.findElement(By.id("lang-en")).getDomAttribute("aria-current")).isEqualTo("true");
    }

    // ---

    private String startAndSignOverTheApi(JsonNode scenario, String buyerIin) {
        String seller = api.signIn(scenario.path("seller").path("personaId").asString());
        TirkeuClient.Reply started = api.post("/api/v1/applications", Map.of("vin", scenario.path("vin").asString(), "buyerIin", buyerIin), seller);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String number = started.body().path("number").asString();
        String data = api.get("/api/v1/applications/" + number + "/seller-statement", seller).body().path("dataToSign").asString();
        String signature = api.signBase64(data, api.key(scenario.path("seller").path("personaId").asString(), "sign"));
        TirkeuClient.Reply signed = api.post("/api/v1/applications/" + number + "/seller-signature", Map.of("signature", signature), seller);
        assertThat(signed.body().path("status").asString()).as(signed.body().toString()).isEqualTo("AWAITING_BUYER_CONSENT");
        return number;
    }

    /**
     * A car of the seed that this seller sold to this buyer: the scenario's own VIN may already have an open
     * application from another test class sharing this server.
     */
    private String readyVehicle(String sellerBin, String buyerIin) {
        for (JsonNode vehicle : api.get("/sandbox/seed/v1/ready-vehicles?buyerIin=" + buyerIin, null).body()) {
            if (sellerBin.equals(vehicle.path("sellerBin").asString())) {
                return vehicle.path("vin").asString();
            }
        }
        throw new AssertionError("no ready vehicle of " + sellerBin + " for " + buyerIin);
    }

    private JsonNode scenario(String id) {
        for (JsonNode scenario : api.get("/sandbox/scenarios", null).body()) {
            if (id.equals(scenario.path("id").asString())) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + id);
    }

}
