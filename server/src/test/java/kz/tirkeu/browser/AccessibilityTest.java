package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.tirkeu.application.AutomaticDecision;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.ApplicationJourney.Submitted;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every main page, as each person sees it, checked against the WCAG 2.1 A and AA rules of axe-core in a real
 * browser: the public pages, the sandbox, the seller's, the buyer's at each of their steps, the police
 * officer's, the PSC operator's and the administrator's. Forms are also checked showing their errors, where a
 * missing label or a colour too faint hurts most. All findings are reported together, page by page.
 */
@TirkeuServerTest
class AccessibilityTest extends BrowserTest {

    @Autowired
    RegistrationDecision decision;

    @Autowired
    TestClock clock;

    private final Map<String, List<String>> findings = new LinkedHashMap<>();

    @Test
    void everyMainPageMeetsWcag21AA() {
        ApplicationJourney journey = new ApplicationJourney(api);
        Submitted registered = journey.submitted("buyer-aidar", 1);
        AutomaticDecision.takeFor(registered.number(), decision, clock, db);
        assertThat(journey.status(registered.number(), registered.buyerToken())).isEqualTo("REGISTERED");
        Submitted undecided = journey.submitted("buyer-aidar", 1);
        String awaitingBuyer = awaitingBuyersConsent(journey);
        String verification = URI.create(api.get("/api/v1/applications/" + registered.number(), registered.buyerToken()).body()
                .path("registration").path("verificationUrl").asString()).getPath();

        browser.driver.get(url("/language?lang=en&return=/"));
        audit("landing", "/");
        audit("sign-in", "/signin");
        audit("public verification", verification);
        audit("verification upload", "/verify");
        for (String page : List.of("", "/personas", "/scenarios", "/signer", "/sms", "/mail", "/faults", "/production", "/payments")) {
            audit("sandbox" + page, "/sandbox" + page);
        }

        signIn("dealer1-manager");
        audit("cabinet", "/cabinet");
        audit("seller list", "/seller/applications");
        audit("new application", "/seller/applications/new");
        browser.click(By.id("start"));
        browser.waiting().until(d -> !d.findElements(By.id("vin-error")).isEmpty());
        check("new application with errors");
        audit("seller application (registered)", "/seller/applications/" + registered.number());
        signOut();

        signIn("buyer-aidar");
        audit("notices", "/notices");
        audit("buyer list", "/buyer/applications");
        audit("buyer consent", "/buyer/applications/" + awaitingBuyer);
        String buyer = api.signIn("buyer-aidar");
        Reply agreed = api.post("/api/v1/applications/" + awaitingBuyer + "/consent", Map.of("agree", true), buyer);
        assertThat(agreed.body().path("status").asString()).as(agreed.body().toString()).isEqualTo("AWAITING_CHOICES");
        audit("buyer choices", "/buyer/applications/" + awaitingBuyer);
        api.post("/api/v1/applications/" + awaitingBuyer + "/choices", Map.of("pscCode", "ALM-01", "plateType", "STANDARD_SINGLE_LINE"), buyer);
        String invoice = api.post("/api/v1/applications/" + awaitingBuyer + "/invoice", "", buyer).body().path("invoiceId").asString();
        audit("payment gateway page (sandbox)", "/sandbox/payments/pay/" + invoice);
        audit("buyer submitted", "/buyer/applications/" + undecided.number());
        audit("buyer registered", "/buyer/applications/" + registered.number());
        signOut();

        signIn("staff-police-officer");
        audit("police queue", "/police/cases");
        audit("police case", "/police/cases/" + undecided.number());
        audit("register search", "/police/register?q=" + registered.vin());
        audit("register record", "/police/register/vehicles/" + registered.vin());
        signOut();

        signIn("staff-psc-operator");
        audit("psc collections", "/psc/ALM-01/collections");
        audit("psc reception", "/psc/ALM-01/reception");
        audit("psc issuance desk", "/psc/ALM-01/collections/" + registered.number());
        signOut();

        signIn("staff-admin");
        audit("staff roles", "/admin/staff");
        audit("service centres", "/admin/service-centres");
        audit("configuration", "/admin/configuration");

        findings.values().removeIf(List::isEmpty);
        assertThat(findings).withFailMessage(this::report).isEmpty();
    }

    /** A new application the seller has signed, waiting for the buyer's agreement (S10). */
    private String awaitingBuyersConsent(ApplicationJourney journey) {
        String vin = journey.freshVehicle(journey.iinOf("buyer-aidar"), 1).path("vin").asString();
        String seller = api.signIn("dealer1-manager");
        Reply started = api.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", journey.iinOf("buyer-aidar")), seller);
        String number = started.body().path("number").asString();
        String statement = api.get("/api/v1/applications/" + number + "/seller-statement", seller).body().path("dataToSign").asString();
        Reply signed = api.post("/api/v1/applications/" + number + "/seller-signature",
                Map.of("signature", api.signBase64(statement, api.key("dealer1-manager", "sign"))), seller);
        assertThat(signed.body().path("status").asString()).as(signed.body().toString()).isEqualTo("AWAITING_BUYER_CONSENT");
        return number;
    }

    private void audit(String name, String path) {
        browser.driver.get(url(path));
        check(name);
    }

    private void check(String name) {
        findings.put(name + " (" + browser.driver.getCurrentUrl() + ")", Accessibility.violations(browser.driver));
    }

    private String report() {
        StringBuilder text = new StringBuilder("WCAG 2.1 AA findings by axe-core:\n");
        findings.forEach((page, lines) -> {
            text.append(page).append('\n');
            lines.forEach(line -> text.append("  - ").append(line).append('\n'));
        });
        return text.toString();
    }
}
