package coop.roseash.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens Debian's headless Chromium for browser tests, with the driver and browser given explicitly so Selenium
 * Manager never goes online. When either is missing the test is skipped with a notice, or fails when
 * {@code ROSEASH_REQUIRE_BROWSER=true} (CI machines that must run them). Every browser test of the platform opens
 * its browser here, so this is the one gate: no browser test can skip silently in CI.
 */
public final class BrowserSupport {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ROSEASH_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ROSEASH_CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final Duration WAIT = Duration.ofSeconds(10);

    private BrowserSupport() {}

    /** A headless Chromium with JavaScript on and the console captured, or the test is skipped (or fails). */
    public static ChromeDriver open() {
        return open(true);
    }

    /** As {@link #open()}; {@code javascript=false} turns scripts off to check the no-JavaScript fallbacks. */
    public static ChromeDriver open(boolean javascript) {
        requireBrowser();
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,800", "--user-data-dir=" + freshProfile());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return driver;
    }

    /** Console messages logged at SEVERE (console.error) since the last call. */
    /**
     * The test server's root for the browser, on 127.0.0.1: Chromium resolves "localhost" to ::1 first,
     * where the test server does not listen, and a busy machine sometimes surfaces that as a refused connection.
     */
    public static String root(java.net.URL base) {
        return base.toString().replaceAll("/$", "").replace("://localhost:", "://127.0.0.1:");
    }

    public static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .toList();
    }

    /**
     * A fresh browser's first page load. On these sandboxed machines a new Chromium now and then reports
     * ERR_CONNECTION_REFUSED for its very first connection to a server that is up (the next try connects); a
     * refusal that repeats is real and fails the test.
     */
    public static void firstLoad(WebDriver driver, String url) {
        for (int attempt = 1; ; attempt++) {
            try {
                driver.get(url);
                return;
            } catch (WebDriverException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("ERR_CONNECTION_REFUSED")) {
                    throw e;
                }
                System.err.println("NOTICE: Chromium refused its first connection to " + url + "; trying again");
                java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
            }
        }
    }

    /**
     * Clicks and waits for the next document to have loaded. The old page is marked first and the wait ends when
     * the mark is gone, so it does not depend on how the driver reports a detached element (Chromium 156 sometimes
     * answers "Node with given id does not belong to the document" instead of a stale element).
     */
    public static void clickAndWaitForNextPage(WebDriver driver, WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__roseashOldPage = true");
        element.click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                js.executeScript("return window.__roseashOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Fails the test, or skips it with a notice, when Chromium or chromedriver is missing (see the class comment). */
    public static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String notice = "browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("ROSEASH_REQUIRE_BROWSER"))) {
            Assertions.fail(notice + "; ROSEASH_REQUIRE_BROWSER=true makes this a failure");
        }
        System.err.println("SKIPPED: " + notice);
        Assumptions.abort(notice);
    }

    private static String freshProfile() {
        try {
            Path dir = Files.createTempDirectory("roseash-chromium-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
