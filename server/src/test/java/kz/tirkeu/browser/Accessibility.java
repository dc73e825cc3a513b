package kz.tirkeu.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deque's axe-core rules run on the page the browser shows, as an accessibility auditor's browser extension would:
 * the WCAG 2.1 A and AA rules (names, labels, contrast, landmarks, language, ARIA use). The script comes from
 * the axe-core Selenium jar; only the script is used.
 */
final class Accessibility {

    private static final String AXE = load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The WCAG levels a public service in Kazakhstan is held to (and most others): 2.1 A and AA. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
               .then(result => done(JSON.stringify(result.violations.map(v => ({
                        rule: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})))),
                     error => done(JSON.stringify([{rule: 'axe-error', impact: 'critical', help: String(error), nodes: []}])));
            """;

    private Accessibility() {}

    /** What axe finds wrong with the current page, one readable line per rule broken, naming the elements. */
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(AXE);
        }
        JsonNode found = JSON.readTree((String) js.executeAsyncScript(RUN));
        List<String> lines = new ArrayList<>();
        for (JsonNode violation : found) {
            List<String> nodes = new ArrayList<>();
            violation.path("nodes").forEach(node -> nodes.add(node.asString()));
            lines.add("%s [%s] %s — %s".formatted(violation.path("rule").asString(), violation.path("impact").asString(),
                    violation.path("help").asString(), String.join(" | ", nodes)));
        }
        return lines;
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
