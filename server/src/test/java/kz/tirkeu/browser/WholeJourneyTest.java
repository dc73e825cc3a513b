package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kz.tirkeu.application.AutomaticDecision;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.CollectionTable;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole journey in a real browser, every signature through the sandbox's NCALayer: the dealer starts
 * and signs, the buyer agrees, chooses the PSC, pays on the gateway's page and signs; the platform
 * registers the car; the buyer downloads the certificate and opens its public page; production delivers
 * to the PSC; the PSC operator receives the buyer with a queue ticket and hands over the plates and the
 * certificate card; the buyer sees it handed over. Each main page is saved under target/screenshots/.
 */
@TirkeuServerTest
class WholeJourneyTest extends BrowserTest {

    @Autowired
    RegistrationDecision decision;

    @Autowired
    CollectionTable collections;

    @Autowired
    TestClock clock;

    @Test
    void aNewCarFromTheDealerToTheBuyersHandsWithPlatesAndCertificate() {
        ApplicationJourney sandbox = new ApplicationJourney(api);
        String buyerIin = sandbox.iinOf("buyer-aidar");
        String vin = sandbox.freshVehicle(buyerIin, 1).path("vin").asString();

        // The dealer starts the application and signs it.
        journeys.signIn("dealer1-manager");
        browser.driver.get(journeys.url("/seller/applications/new"));
        journeys.type("vin", vin);
        journeys.type("buyerIin", buyerIin);
        browser.click(By.id("start"));
        journeys.waitForStatus("AWAITING_SELLER_SIGNATURE");
        browser.screenshot("journey-01-seller-to-sign");
        browser.click(By.id("sign-button"));
        journeys.waitForStatus("AWAITING_BUYER_CONSENT");
        String number = journeys.text("number");
        journeys.signOut();

        // The buyer agrees, chooses ALM-01, pays on the gateway's page and signs.
        journeys.signIn("buyer-aidar");
        browser.driver.get(journeys.url("/buyer/applications/" + number));
        journeys.waitForStatus("AWAITING_BUYER_CONSENT");
        browser.screenshot("journey-02-buyer-consent");
        browser.click(By.id("regimeUnderstood"));
        browser.click(By.id("agree"));
        journeys.waitForStatus("AWAITING_CHOICES");
        // Almaty's centres, whatever region ГБД ФЛ gives for the buyer.
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("region"))).selectByValue("02");
        browser.click(By.cssSelector("form.filter button"));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("psc-ALM-01"))).click();
        browser.screenshot("journey-03-buyer-choices");
        browser.click(By.id("choose"));
        journeys.waitForStatus("AWAITING_PAYMENT");
        browser.click(By.id("pay"));
        browser.waiting().until(ExpectedConditions.urlContains("/sandbox/payments/pay/"));
        browser.screenshot("journey-04-gateway");
        browser.click(By.cssSelector("input[name=action][value=pay] + button"));
        browser.waiting().until(ExpectedConditions.urlContains("/buyer/applications/" + number));
        journeys.waitForStatus("AWAITING_BUYER_SIGNATURE");
        browser.click(By.id("sign-button"));
        journeys.waitForStatus("SUBMITTED");
        browser.screenshot("journey-05-buyer-submitted");

        // S19: in the default run the platform decides by itself after a short delay; here the test takes the decision.
        AutomaticDecision.takeFor(number, decision, clock, db);
        assertThat(status(number)).isEqualTo("REGISTERED");
        browser.driver.navigate().refresh();
        journeys.waitForStatus("REGISTERED");
        String plate = journeys.text("plate");
        assertThat(plate).matches("\\d{3} [A-Z]{3} 02");
        assertThat(journeys.text("certificate-number")).matches("[A-Z]{2} \\d{8}");
        assertThat(journeys.text("next")).isNotBlank();
        browser.screenshot("journey-06-buyer-registered");

        // The downloads work with the page's own session (the cookie), as a person clicking them.
        assertThat(fetch(browser.driver.findElement(By.id("download-pdf-kk")).getDomProperty("href"))).startsWith("200 application/pdf %PDF-");
        assertThat(fetch(browser.driver.findElement(By.id("download-pdf-ru")).getDomProperty("href"))).startsWith("200 application/pdf %PDF-");
        assertThat(fetch(browser.driver.findElement(By.id("download-p7m")).getDomProperty("href"))).startsWith("200 application/pkcs7-mime");

        // The public page, opened from the link: valid, the plate, never the owner; in Kazakh by the header's switch.
        browser.click(By.id("verify-link"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(browser.driver.findElement(By.id("verdict")).getDomAttribute("class")).contains("ok");
        assertThat(journeys.text("plate")).isEqualTo(plate);
        assertThat(browser.driver.getPageSource()).doesNotContain(buyerIin);
        browser.screenshot("journey-07-verify-ru");
        browser.click(By.id("lang-kk"));
        assertThat(journeys.text("verdict")).contains("Куәлік жарамды");
        browser.screenshot("journey-08-verify-kk");
        browser.click(By.id("lang-ru"));
        assertThat(journeys.text("verdict")).contains("Свидетельство действительно");

        // Production: the print centre and the plate maker deliver to ALM-01 (the sandbox's controls stand for days of work).
        CollectionRecord ordered = awaitUntil("ordered from production", () -> collections.find(number).orElse(null),
                r -> r != null && r.printJobId().isPresent() && r.plateOrderId().isPresent());
        advanceUntil("/sandbox/print-centre/v1/jobs/" + ordered.printJobId().get(), "DELIVERED_TO_PSC");
        advanceUntil("/sandbox/plate-maker/v1/orders/" + ordered.plateOrderId().get(), "AT_PSC");
        await("ready for collection", () -> status(number), "READY_FOR_COLLECTION");
        browser.driver.get(journeys.url("/buyer/applications/" + number));
        journeys.waitForStatus("READY_FOR_COLLECTION");
        assertThat(journeys.text("collect-psc")).isNotBlank();
        assertThat(journeys.text("collect-address")).isNotBlank();
        assertThat(journeys.text("collect-bring")).contains(number);
        browser.screenshot("journey-09-buyer-ready");
        journeys.signOut();

        // The PSC: reception checks the identity document against ГБД ФЛ and gives a queue ticket.
        String document = api.get("/sandbox/gbdfl/v1/persons/" + buyerIin, null).body().path("documents").get(0).path("number").asString();
        journeys.signIn("staff-psc-operator");
        browser.click(By.id("menu-psc"));
        browser.waiting().until(ExpectedConditions.urlContains("/psc/ALM-01/collections"));
        assertThat(journeys.text("row-" + number)).contains(plate);
        browser.screenshot("journey-10-psc-collections");
        browser.click(By.id("desk-reception"));
        journeys.type("applicationNumber", number);
        journeys.type("documentNumber", "N00000000");
        browser.click(By.id("issue-ticket"));
        assertThat(journeys.awaitText("psc-error")).contains("не является удостоверением личности владельца");
        browser.screenshot("journey-11-psc-reception-wrong-document");
        journeys.type("documentNumber", document);
        browser.click(By.id("issue-ticket"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ticket")));
        assertThat(journeys.text("ticket")).matches("R-\\d{3}");
        browser.screenshot("journey-12-psc-ticket");

        // The issuance desk: identity again, the plates and the card as production reported them.
        browser.click(By.id("to-issuance"));
        List<String> serials = List.of(journeys.text("expected-serials").split(",\\s*"));
        String blank = journeys.text("expected-blank");
        assertThat(serials).hasSize(2);
        browser.screenshot("journey-13-psc-issuance");
        journeys.type("documentNumber", document);
        journeys.type("plateSerial0", serials.get(1));
        journeys.type("plateSerial1", "WRONG-SERIAL");
        journeys.type("certificateBlankNumber", blank);
        browser.click(By.id("hand-over"));
        assertThat(journeys.awaitText("psc-error")).contains("серийные номера не совпадают");
        browser.screenshot("journey-14-psc-issuance-wrong-serial");
        journeys.type("documentNumber", document);
        journeys.type("plateSerial0", serials.get(0));
        journeys.type("plateSerial1", serials.get(1));
        browser.click(By.id("hand-over"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("handed-over")));
        assertThat(journeys.text("state")).isEqualTo("Выдано");
        browser.screenshot("journey-15-psc-handed-over");
        journeys.signOut();

        // The buyer sees the registration complete.
        journeys.signIn("buyer-aidar");
        browser.driver.get(journeys.url("/buyer/applications/" + number));
        journeys.waitForStatus("HANDED_OVER");
        assertThat(journeys.text("collected")).isNotBlank();
        assertThat(journeys.text("timeline")).contains("P10");
        browser.screenshot("journey-16-buyer-handed-over");
    }

    /** What the browser gets for a link, fetched from the page as a click would: status, content type and the first bytes. */
    private String fetch(String href) {
        Object result = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done(r.status + ' ' + r.headers.get('content-type') + ' ' + String.fromCharCode(...bytes.slice(0, 5)));
                }).catch(e => done('failed ' + e));""", href);
        return String.valueOf(result);
    }

    private String status(String number) {
        return db.sql("select status from application where number = ?").param(number).query(String.class).single();
    }

    private static String await(String what, java.util.function.Supplier<String> probe, String expected) {
        return awaitUntil(what, probe, expected::equals);
    }

    private static <T> T awaitUntil(String what, java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done) {
        return org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(100))
                .until(probe::get, done::test);
    }
}
