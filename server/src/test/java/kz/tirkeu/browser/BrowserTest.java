package kz.tirkeu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import kz.tirkeu.testing.TirkeuClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every browser test of the cabinets starts from: a fresh headless Chromium, an API client for the
 * sandbox's controls, no second-factor locks and no faults left by other tests; and the people's moves
 * ({@link Journeys}) at hand. Subclasses carry {@code @TirkeuServerTest}.
 */
abstract class BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    Browser browser;
    TirkeuClient api;
    Journeys journeys;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
        api = new TirkeuClient(port);
        journeys = new Journeys(browser, api, port);
        db.sql("delete from second_factor_lock").update();
        api.send(HttpRequest.newBuilder(URI.create(api.base() + "/sandbox/faults")).DELETE(), null);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    void signIn(String persona) {
        journeys.signIn(persona);
    }

    void signOut() {
        journeys.signOut();
    }

    void waitForStatus(String status) {
        journeys.waitForStatus(status);
    }

    void type(String id, String value) {
        journeys.type(id, value);
    }

    String text(String id) {
        return journeys.text(id);
    }

    String url(String path) {
        return journeys.url(path);
    }

    /** Moves a print job or plate order of the sandbox on with its "advance" control until it reaches {@code last}. */
    void advanceUntil(String path, String last) {
        for (int i = 0; i < 5 && !api.get(path, null).body().path("status").asString().equals(last); i++) {
            api.post(path + "/advance", "", null);
        }
        assertThat(api.get(path, null).body().path("status").asString()).as(path).isEqualTo(last);
    }
}
