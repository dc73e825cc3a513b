package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing in as a person does, in a real browser: the key is "inserted" on the sandbox signer's page,
 * the sign-in page's JavaScript asks NCALayer (here the sandbox signer, over a WebSocket, by the same
 * protocol as the real one) to sign the challenge, and the SMS code is typed in.
 */
@TirkeuServerTest
class SignInJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    Browser browser;
    TirkeuClient api;

    @BeforeEach
    void open() {
        browser = new Browser();
        api = new TirkeuClient(port);
        db.sql("delete from second_factor_lock").update();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aBuyerSignsInThroughNcaLayerAndTheSmsCode() {
        browser.driver.get(url("/sandbox/signer"));
        browser.click(By.cssSelector("input[name=personaId][value='buyer-aidar'] + button"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "inserted"));

        browser.driver.get(url("/signin"));
        browser.screenshot("signin");
        Instant before = Instant.now();
        browser.click(By.id("sign-button"));
        browser.waiting().until(ExpectedConditions.urlContains("/signin/code"));
        browser.screenshot("signin-code");

        String iin = KzCertificate.of(api.key("buyer-aidar", "auth").certificate()).iin().orElseThrow().value();
        WebElement code = browser.driver.findElement(By.id("code"));
        code.sendKeys(api.codeSentTo(api.phoneOf(iin), before));
        code.submit();
        browser.waiting().until(ExpectedConditions.urlContains("/cabinet"));
        browser.screenshot("cabinet");

        assertThat(browser.driver.findElement(By.id("person-name")).getText()).isEqualTo("НҰРЛАНОВ АЙДАР");
        assertThat(browser.driver.findElement(By.id("roles")).getText()).contains("BUYER");
    }

    @Test
    void withoutAKeyInsertedThePageSaysWhatWentWrong() {
        browser.driver.get(url("/signin"));
        browser.click(By.id("sign-button"));
        WebElement status = browser.driver.findElement(By.id("signin-status"));
        browser.waiting().until(d -> status.getText().contains("не выполнен") || status.getText().contains("did not go through"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/signin");
        browser.screenshot("signin-no-key");
    }
}
