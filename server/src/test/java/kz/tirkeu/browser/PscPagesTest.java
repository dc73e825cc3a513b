package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import kz.tirkeu.application.AutomaticDecision;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.CollectionTable;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PSC operator's pages when things are not straightforward, in English: documents still in
 * production, another centre's page, identity by a digital documents code (a wrong one first), and
 * documents waiting longer than the collection period flagged as overdue.
 */
@TirkeuServerTest
class PscPagesTest extends BrowserTest {

    @Autowired
    RegistrationDecision decision;

    @Autowired
    CollectionTable collections;

    @Autowired
    TestClock clock;

    @Test
    void anOperatorIsToldWhatToDoWhenDocumentsAreNotReadyTheCodeIsWrongOrTheyAreOverdue() {
        ApplicationJourney journey = new ApplicationJourney(api);
        ApplicationJourney.Submitted submitted = journey.submitted("buyer-aidar", 2);
        String number = submitted.number();
        String buyerIin = journey.iinOf("buyer-aidar");
        AutomaticDecision.takeFor(number, decision, clock, db);
        assertThat(journey.status(number, submitted.buyerToken())).isEqualTo("REGISTERED");

        browser.driver.get(journeys.url("/language?lang=en&return=/"));
        journeys.signIn("staff-psc-operator");
        browser.driver.get(journeys.url("/psc"));
        browser.waiting().until(ExpectedConditions.urlContains("/psc/ALM-01/collections"));

        // Still in production: listed as such, and reception says it cannot be handed over yet.
        browser.driver.get(journeys.url("/psc/ALM-01/collections?status=IN_PRODUCTION"));
        assertThat(journeys.text("row-" + number)).contains("In production");
        browser.screenshot("psc-collections-in-production-en");
        browser.driver.get(journeys.url("/psc/ALM-01/reception"));
        journeys.type("applicationNumber", number.toLowerCase());
        journeys.type("documentNumber", document(buyerIin));
        browser.click(By.id("issue-ticket"));
        assertThat(journeys.awaitText("psc-error")).contains("are not all at the centre yet").contains("DOCUMENTS_NOT_READY");
        browser.screenshot("psc-reception-not-ready-en");

        // Another centre's list is not this operator's.
        browser.driver.get(journeys.url("/psc/AST-01/collections"));
        assertThat(journeys.text("psc-error")).contains("not your public service centre");
        browser.screenshot("psc-not-yours-en");

        // The list kept open while production delivers: the row turns ready by itself (LiveLists), no reload.
        browser.driver.get(journeys.url("/psc/ALM-01/collections"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.body.dataset.stayed = 'yes'");
        CollectionRecord ordered = awaitOrdered(number);
        advanceUntil("/sandbox/print-centre/v1/jobs/" + ordered.printJobId().get(), "DELIVERED_TO_PSC");
        advanceUntil("/sandbox/plate-maker/v1/orders/" + ordered.plateOrderId().get(), "AT_PSC");
        // Fails here, naming what did not happen, rather than falling through to the browser's wait.
        org.awaitility.Awaitility.await(number + " ready at the PSC").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> collections.find(number).orElseThrow().ready());
        browser.waiting().until(d -> journeys.text("row-" + number).contains("Ready for collection"));
        assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-stayed")).as("not reloaded").isEqualTo("yes");
        // Ready: reception by a digital documents code, a wrong one first; no application number (P8 asks only who it is).
        browser.driver.get(journeys.url("/psc/ALM-01/reception"));
        journeys.type("shareCode", "000000");
        browser.click(By.id("issue-ticket"));
        assertThat(journeys.awaitText("psc-error")).contains("make a new code");
        browser.screenshot("psc-reception-wrong-code-en");
        String code = api.post("/sandbox/digital-documents/v1/shares", Map.of("iin", buyerIin), null).body().path("code").asString();
        journeys.type("shareCode", code);
        browser.click(By.id("issue-ticket"));
        assertThat(journeys.awaitText("ticket")).matches("R-\\d{3}");
        assertThat(journeys.body()).as("the ticket names this application among the buyer's waiting ones").contains(number);
        browser.screenshot("psc-reception-ticket-by-code-en");

        // Not collected within the collection period: flagged, and found by the overdue filter.
        db.sql("update collection_order set ready_at = ready_at - interval '31 days' where application_number = ?").param(number).update();
        browser.driver.get(journeys.url("/psc/ALM-01/collections?overdue=true"));
        assertThat(journeys.text("row-" + number)).contains("Overdue");
        assertThat(journeys.text("overdue-count")).isNotBlank();
        browser.screenshot("psc-collections-overdue-en");
        browser.driver.get(journeys.url("/psc/ALM-01/collections/" + number));
        assertThat(journeys.text("state")).isEqualTo("Ready for collection");
        assertThat(browser.driver.findElements(By.cssSelector(".overdue-flag"))).isNotEmpty();

        // Phone-sized, the issuance desk is still usable.
        browser.phoneSized();
        browser.driver.navigate().refresh();
        browser.screenshot("psc-issuance-phone-en");
    }

    private String document(String iin) {
        return api.get("/sandbox/gbdfl/v1/persons/" + iin, null).body().path("documents").get(0).path("number").asString();
    }

    private CollectionRecord awaitOrdered(String number) {
        return org.awaitility.Awaitility.await(number + " ordered from the print centre and the plate maker").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> collections.find(number).orElse(null),
                        record -> record != null && record.printJobId().isPresent() && record.plateOrderId().isPresent());
    }

}
