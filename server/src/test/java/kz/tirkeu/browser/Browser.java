package kz.tirkeu.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), as a person would use the pages.
 * On a developer machine without Chromium the browser tests are skipped with a note; in CI
 * ({@code CI=true}, where .ci/run installs Chromium) they are never skipped.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;

    Browser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium is not installed: apt-get install chromium chromium-driver to run the browser tests");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=ru", "--window-size=1280,900");
        // What a Russian-speaking person's browser asks for (--lang alone does not reach Accept-Language headless).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ru-RU,ru"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /**
     * Clicks the element once the page has it. A click that sends a form may return before the next page is there
     * (Chromium does not always wait for a form post's navigation), so the next click's element is waited for, and
     * found again when a live fragment swapped it between finding and clicking.
     */
    void click(org.openqa.selenium.By what) {
        waiting().until(page -> {
            page.findElement(what).click();
            return true;
        });
    }

    /** Twenty seconds of patience, not lost when the page is replaced while a condition looks at it ({@link PatientWait}). */
    WebDriverWait waiting() {
        return new PatientWait(driver, Duration.ofSeconds(20));
    }

    /**
     * A wait whose condition is simply asked again when the page or a live fragment replaced an element the condition
     * was reading. Chromium reports that as a stale element or, between navigations, as an "unhandled inspector error:
     * Node with given id does not belong to the document" — a plain WebDriverException that {@code ignoring} cannot
     * tell from a real error by its class, so it is told here by its message.
     */
    static final class PatientWait extends WebDriverWait {

        PatientWait(WebDriver driver, Duration timeout) {
            super(driver, timeout);
        }

        @Override
        public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> condition) {
            return super.until(page -> {
                try {
                    return condition.apply(page);
                } catch (WebDriverException e) {
                    if (replacedUnderfoot(e)) {
                        return null;
                    }
                    throw e;
                }
            });
        }
    }

    /** Whether the element being read was swapped out of the page under the test's hand (then read it again). */
    static boolean replacedUnderfoot(WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    void phoneSized() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
