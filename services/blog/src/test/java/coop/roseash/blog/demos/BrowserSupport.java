package coop.roseash.blog.demos;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens Debian's headless Chromium for browser tests, with the driver and browser given explicitly so Selenium
 * Manager never goes online. When either is missing the test is skipped with a notice, or fails when
 * {@code ROSEASH_REQUIRE_BROWSER=true} (CI machines that must run them). Copy this class to use the pattern elsewhere.
 */
public final class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ROSEASH_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ROSEASH_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(10);

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

    private static void requireBrowser() {
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
