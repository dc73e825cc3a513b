package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.tirkeu.application.AutomaticDecision;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.ApplicationJourney.Submitted;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The police officer's and the administrator's pages in a real browser, and the applicant's request for
 * review: an officer takes a case over and registers it, then finds the car in the register by its plate
 * typed carelessly; an automated refusal is reviewed on the buyer's request and overturned; an
 * administrator grants a role and withdraws it. The applications are made over the API
 * ({@link ApplicationJourney}); everything the officer, buyer and administrator do is done on the pages.
 * Each page is saved under target/screenshots/.
 */
@TirkeuServerTest
class PoliceAndAdminPagesTest extends BrowserTest {

    @Autowired
    RegistrationDecision decision;

    @Autowired
    TestClock clock;

    ApplicationJourney journey;

    @BeforeEach
    void journey() {
        journey = new ApplicationJourney(api);
    }

    @Test
    void anOfficerTakesACaseOverRegistersItAndFindsTheCarInTheRegisterByItsPlate() {
        Submitted submitted = journey.submitted("buyer-aidar", 1);

        signIn("staff-police-officer");
        browser.click(By.id("menu-police"));
        openFromQueue(submitted.number(), "/police/cases?kind=DECISION");
        assertThat(text("holder")).contains("платформа решит его автоматически");
        assertThat(text("evidence")).as("every check with its evidence").contains("ЭПТС").contains("ЕРАП");
        assertThat(text("signature-BUYER")).contains("подписано");
        browser.screenshot("police-case-decision");
        show("evidence");
        browser.screenshot("police-case-evidence");
        show("main");

        browser.click(By.id("take-over"));
        assertThat(text("holder")).isEqualTo("Взято вами: решаете только вы, пока не освободите дело.");
        browser.screenshot("police-case-held");
        browser.click(By.id("register"));

        waitForStatus("REGISTERED");
        String plate = text("plate");
        assertThat(plate).matches("\\d{3} [A-Z]{3} 02");
        assertThat(text("timeline")).contains("Сотрудник полиции взял дело");
        assertThat(browser.driver.findElements(By.id("assignment"))).as("a decided case has nothing left to take").isEmpty();
        browser.screenshot("police-case-registered");

        // The plate as an officer might type it from a camera photo: no spaces, lower case.
        browser.click(By.id("menu-register"));
        type("q", plate.replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        browser.click(By.id("search"));
        assertThat(text("searched-by")).isEqualTo("Поиск по госномеру.");
        assertThat(text("found")).contains(submitted.vin());
        browser.screenshot("register-search");
        browser.click(By.cssSelector("#found a.plate"));
        assertThat(text("vin")).isEqualTo(submitted.vin());
        assertThat(text("history")).contains("Зарегистрировано");
        browser.screenshot("register-vehicle");

        // The same pages in Kazakh, the state language.
        browser.driver.get(url("/language?lang=kk&return=/police/cases/" + submitted.number()));
        assertThat(text("registration")).contains("Тіркелді").contains(plate);
        browser.screenshot("police-case-registered-kk");
    }

    @Test
    void theQueueDropsACaseDecidedMeanwhileWithoutAReload() {
        Submitted submitted = journey.submitted("buyer-aidar", 2);
        signIn("staff-police-officer");
        browser.driver.get(url("/police/cases?kind=DECISION"));
        for (int page = 0; browser.driver.findElements(By.id("case-" + submitted.number())).isEmpty(); page++) {
            assertThat(page).as(submitted.number() + " in the queue").isLessThan(10);
            browser.click(By.xpath("//p[@class='pager']/a[last()]"));
        }
        String shownAt = browser.driver.getCurrentUrl();
        // A marker on the page itself: a reload would lose it, a swap of the list keeps it.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.body.dataset.stayed = 'yes'");

        AutomaticDecision.takeFor(submitted.number(), decision, clock, db);

        browser.waiting().until(d -> d.findElements(By.id("case-" + submitted.number())).isEmpty());
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(shownAt);
        assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-stayed")).as("not reloaded").isEqualTo("yes");
    }

    @Test
    void anOpenCaseSaysWhenItWasDecidedMeanwhileWithoutReloadingItself() {
        Submitted submitted = journey.submitted("buyer-aidar", 1);
        signIn("staff-police-officer");
        browser.driver.get(url("/police/cases/" + submitted.number()));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.body.dataset.stayed = 'yes'");
        assertThat(browser.driver.findElements(By.id("case-changed"))).isEmpty();

        AutomaticDecision.takeFor(submitted.number(), decision, clock, db);

        assertThat(text("case-changed")).startsWith("С тех пор как вы открыли дело, оно изменилось");
        assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-stayed")).as("not reloaded").isEqualTo("yes");
        browser.screenshot("police-case-changed");
        browser.click(By.id("case-reload"));
        waitForStatus("REGISTERED");
    }

    @Test
    void aBuyerAsksForReviewOfAnAutomatedRefusalAndAnOfficerOverturnsIt() {
        Submitted submitted = journey.submitted("buyer-daulet", 2);
        String buyerIin = journey.iinOf("buyer-daulet");
        // A fine issued after the buyer's checks: the decision (S19) reads ЕРАП afresh and refuses.
        JsonNode fine = api.post("/sandbox/erap/v1/fines/" + buyerIin, "", null).body();
        try {
            signIn("staff-police-officer");
            openFromQueue(submitted.number(), "/police/cases?kind=DECISION");
            browser.click(By.id("take-over"));
            browser.click(By.id("register"));
            assertThat(journeys.messageIn("action-error", "Зарегистрировать нельзя")).as("the checks at the decision refuse it").startsWith("Зарегистрировать нельзя");
            assertThat(text("action-error-refusal")).as("the refusal in the officer's language")
                    .isEqualTo("Что будет сказано заявителям: Оплатите штрафы и подайте заявку повторно.");
            assertThat(text("action-error-detail")).startsWith("Что нашла проверка: 1 unpaid, ");
            browser.screenshot("police-case-cannot-register");
            browser.click(By.id("release"));
            assertThat(doneMessage("Дело освобождено")).startsWith("Дело освобождено");
            AutomaticDecision.takeFor(submitted.number(), decision, clock, db);
        } finally {
            journey.delete("/sandbox/erap/v1/fines/" + buyerIin + "/" + fine.path("protocolNumber").asString(), null);
        }
        signOut();

        browser.phoneSized();
        signIn("buyer-daulet");
        browser.driver.get(url("/buyer/applications/" + submitted.number()));
        waitForStatus("REFUSED");
        assertThat(text("refusal")).contains("UNPAID_FINES");
        browser.screenshot("buyer-refused-may-ask-review");
        type("review-comment", "Штраф оплачен вчера, квитанция у меня на руках.");
        browser.click(By.id("ask-review"));
        waitForStatus("UNDER_REVIEW");
        assertThat(text("review-asked")).isNotBlank();
        assertThat(text("review-deadline")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        assertThat(browser.driver.findElements(By.id("review-form"))).as("asked once").isEmpty();
        show("review");
        browser.screenshot("buyer-review-asked");
        signOut();

        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        signIn("staff-police-officer");
        openFromQueue(submitted.number(), "/police/cases?kind=REVIEW");
        assertThat(text("reviews")).contains("Штраф оплачен вчера");
        assertThat(text("case-deadline")).isNotBlank();
        // A decision against nobody still needs its reason: the page says so and keeps the case open.
        browser.click(By.id("overturn"));
        assertThat(journeys.messageIn("action-error", "Напишите причину")).startsWith("Напишите причину");
        browser.screenshot("police-review-reason-missing");
        type("review-reason", "ЕРАП подтверждает оплату штрафа; квитанция подлинная.");
        browser.click(By.id("overturn"));
        assertThat(doneMessage("Отказ отменён")).startsWith("Отказ отменён");
        assertThat(text("reviews")).contains("ЕРАП подтверждает оплату");
        show("reviews");
        browser.screenshot("police-review-overturned");
        signOut();

        signIn("buyer-daulet");
        browser.driver.get(url("/buyer/applications/" + submitted.number()));
        assertThat(text("review-outcome")).isEqualTo("Отказ отменён");
        assertThat(text("review-reason")).isEqualTo("ЕРАП подтверждает оплату штрафа; квитанция подлинная.");
        show("review");
        browser.screenshot("buyer-review-outcome");
    }

    @Test
    void anAdministratorGrantsARoleAndWithdrawsIt() {
        String iin = journey.iinOf("buyer-dana");
        signIn("staff-admin");
        browser.click(By.id("menu-admin"));
        type("grant-iin", iin);
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("grant-role"))).selectByValue("POLICE_OFFICER");
        type("grant-scope", "99");
        type("grant-reason", "Приказ № 15-к от 20.11.2026");
        browser.click(By.id("grant-button"));
        assertThat(journeys.messageIn("action-error", "Область не подходит к роли")).startsWith("Область не подходит к роли");
        assertThat(browser.driver.findElement(By.id("grant-iin")).getDomProperty("value")).as("what was typed is kept").isEqualTo(iin);
        browser.screenshot("admin-staff-scope-error");
        type("grant-scope", "05");
        browser.click(By.id("grant-button"));
        assertThat(doneMessage("Роль выдана")).startsWith("Роль выдана");
        WebElement grant = activeGrant(iin, "POLICE_OFFICER");
        assertThat(grant.getText()).contains("05").contains("Приказ № 15-к");
        show(grant.getDomAttribute("id"));
        browser.screenshot("admin-staff-granted");

        String id = grant.getDomAttribute("id").substring("grant-".length());
        type("withdraw-reason-" + id, "Переведён в другое подразделение");
        browser.click(By.id("withdraw-" + id));
        assertThat(doneMessage("Роль отозвана")).isEqualTo("Роль отозвана.");
        assertThat(browser.driver.findElement(By.id("grant-" + id)).getDomAttribute("data-active")).isEqualTo("false");
        assertThat(text("grant-" + id)).contains("Переведён в другое подразделение");
        show("grant-" + id);
        browser.screenshot("admin-staff-withdrawn");
        // The administrator's own ADMIN grant offers no withdrawal: another administrator has to (the last one could lock everyone out).
        WebElement own = activeGrant(journey.iinOf("staff-admin"), "ADMIN");
        assertThat(own.findElements(By.cssSelector("form.withdraw"))).isEmpty();
        assertThat(own.getText()).contains("это должен сделать другой администратор");

        browser.driver.get(url("/admin/service-centres?region=02"));
        assertThat(text("centres")).contains("ALM-01");
        browser.screenshot("admin-service-centres");
        browser.driver.get(url("/admin/configuration"));
        assertThat(text("plate-alphabet")).isEqualTo("ABCDEFGHJKLMNPRSTUVWXYZ");
        assertThat(text("review-deadline")).isEqualTo("10 дн.");
        assertThat(text("main")).doesNotContain("Qwerty12").doesNotContain("sandbox-sms-secret").doesNotContain("sandbox-payment-secret");
        browser.screenshot("admin-configuration");
        signOut();

        // An auditor reads the grants and the configuration, and changes nothing.
        signIn("staff-auditor");
        browser.click(By.id("menu-admin"));
        assertThat(text("grants")).contains("Переведён в другое подразделение");
        assertThat(browser.driver.findElements(By.id("grant"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("form.withdraw"))).isEmpty();
        browser.screenshot("admin-staff-as-auditor");
    }

    // ---

    /** The case in the queue (paging on if other tests left older cases open), opened from there. */
    private void openFromQueue(String number, String queue) {
        browser.driver.get(url(queue));
        for (int page = 0; browser.driver.findElements(By.id("case-" + number)).isEmpty(); page++) {
            List<WebElement> next = browser.driver.findElements(By.xpath("//p[@class='pager']/a[last()]"));
            assertThat(next).as(number + " in the queue " + queue).isNotEmpty();
            assertThat(page).isLessThan(10);
            browser.click(By.xpath("//p[@class='pager']/a[last()]"));
        }
        browser.screenshot("police-queue");
        // The queue refreshes itself (LiveLists): the row may be swapped between finding and clicking.
        browser.click(By.cssSelector("#case-" + number + " a.case-number"));
        assertThat(text("number")).isEqualTo(number);
    }

    /** Scrolls the element into view, for the screenshot of what follows it. */
    private void show(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.driver.findElement(By.id(id)));
    }

    private WebElement activeGrant(String iin, String role) {
        return browser.driver.findElements(By.cssSelector("#grants li[data-iin='" + iin + "'][data-role='" + role + "'][data-active='true']"))
                .stream().findFirst().orElseThrow(() -> new AssertionError("no active " + role + " grant of " + iin));
    }

    /**
     * The confirmation of the action just taken: a form post loads a new page, and until it has, the previous page's
     * confirmation may still be there (and go stale under the test's hand). Waits for the new one.
     */
    private String doneMessage(String startingWith) {
        return journeys.messageIn("done", startingWith);
    }

}
