package kz.tirkeu.browser;

import java.time.Duration;
import java.time.Instant;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.testing.TirkeuClient;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the browser tests do as people: insert a key on the sandbox signer and sign in with the SMS
 * code, wait for an application's status, type into fields and read them.
 */
final class Journeys {

    private final Browser browser;
    private final TirkeuClient api;
    private final int port;

    Journeys(Browser browser, TirkeuClient api, int port) {
        this.browser = browser;
        this.api = api;
        this.port = port;
    }

    /** Signs out and waits until the signed-out page is there, so that the next navigation is not overtaken by the sign-out's redirect. */
    void signOut() {
        browser.click(By.id("sign-out"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
    }

    void signIn(String persona) {
        browser.driver.get(url("/sandbox/signer"));
        browser.click(By.cssSelector("input[name=personaId][value='" + persona + "'] + button"));
        // The persona's own row, not just the word "inserted": the previous person's key shows that word too, and leaving
        // before the post's answer would cancel the insertion (or reach the sign-in page mid-navigation).
        browser.waiting().until(d -> d.findElements(By.cssSelector("tr.chosen code")).stream()
                .anyMatch(code -> code.getText().equals(persona)));
        browser.driver.get(url("/signin"));
        Instant before = Instant.now();
        browser.click(By.id("sign-button"));
        try {
            browser.waiting().until(ExpectedConditions.urlContains("/signin/code"));
        } catch (TimeoutException e) {
            browser.screenshot("failed-sign-in-" + persona);
            throw new AssertionError(persona + " did not get to the code: " + body(), e);
        }
        String iin = KzCertificate.of(api.key(persona, "auth").certificate()).iin().orElseThrow().value();
        // As TirkeuClient.signIn: the SMS centre may deliver a late second copy of an earlier sign-in's code; that one is
        // refused once ("tries left") and the next message is read.
        for (int attempt = 0; attempt < 3; attempt++) {
            WebElement code = browser.driver.findElement(By.id("code"));
            code.clear();
            code.sendKeys(api.codeSentTo(api.phoneOf(iin), before));
            code.submit();
            // The code page goes away in any case (to the cabinet, or back to itself with "tries left"); only then is
            // the next page's field the one to type into — a slow answer must not leave the test holding the old one.
            browser.waiting().until(page -> gone(code));
            if (browser.driver.getCurrentUrl().contains("/cabinet")) {
                break;
            }
        }
        try {
            browser.waiting().until(ExpectedConditions.urlContains("/cabinet"));
        } catch (TimeoutException e) {
            browser.screenshot("failed-code-" + persona);
            throw new AssertionError(persona + " was not let in with the code: " + body(), e);
        }
    }

    void waitForStatus(String status) {
        try {
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#status.s-" + status)).isEmpty());
        } catch (TimeoutException e) {
            browser.screenshot("failed-waiting-for-" + status);
            throw new AssertionError("Not " + status + " at " + browser.driver.getCurrentUrl() + ":\n" + body(), e);
        }
    }

    /** The text of an element the next page will have (after a form is sent), once it is there. */
    String awaitText(String id) {
        return text(id);
    }

    /**
     * The element's text once the page a form post loads carries it and it says what is expected: until that page
     * is there, the previous page's element may still be found (and go stale under the test's hand).
     */
    String messageIn(String id, String startingWith) {
        try {
            return new Browser.PatientWait(browser.driver, Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.id(id)).stream().map(WebElement::getText).filter(t -> t.startsWith(startingWith)).findFirst()
                            .orElse(null));
        } catch (TimeoutException e) {
            browser.screenshot("failed-waiting-for-" + id);
            throw new AssertionError("#" + id + " never said \"" + startingWith + "…\"; the page says: " + body(), e);
        }
    }

    void type(String id, String value) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * The element's text, once the page has it; read again when the page swapped the element under the test's hand (the
     * application pages poll and replace their fragments; Chromium then reports a stale element or "node does not belong
     * to the document"), and waited for when a click's navigation has not brought the next page yet.
     */
    String text(String id) {
        try {
            return browser.waiting().until(page -> page.findElement(By.id(id)).getText());
        } catch (TimeoutException e) {
            browser.screenshot("failed-reading-" + id);
            throw new AssertionError("No #" + id + " at " + browser.driver.getCurrentUrl() + ":\n" + body(), e);
        }
    }

    /** The element has left the page (its page was replaced): stale, or in Chromium's words no longer "of the document". */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (Browser.replacedUnderfoot(e)) {
                return true;
            }
            throw e;
        }
    }

    String body() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
