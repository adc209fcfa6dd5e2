package coop.roseash.shared.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility check every browser test runs on the pages it visits: axe-core (pinned in shared-lib's pom,
 * fetched from npm at build time) injected into the page, failing on any serious or critical violation
 * (missing labels and alt texts, contrast, landmarks, ARIA misuse...). Minor and moderate findings are left to
 * review: they include best-practice rules that would make every test brittle.
 */
public final class Accessibility {

    private static final String AXE = load();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    private Accessibility() {
    }

    /** The page's serious and critical violations, one readable line each; empty when it passes. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // WebDriver evaluates scripts outside the page's CSP, so the strict policy does not need loosening for this
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE);
        }
        Object found = js.executeAsyncScript(RUN);
        return (List<String>) found;
    }

    /** Fails the test with the list of violations, naming the page, when there is any. */
    public static void assertAccessible(WebDriver driver) {
        List<String> violations = seriousViolations(driver);
        if (!violations.isEmpty()) {
            Assertions.fail("accessibility violations on " + driver.getCurrentUrl() + ":\n  " + String.join("\n  ", violations));
        }
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test classpath: shared-lib's build fetches it "
                        + "(download-maven-plugin, generate-test-resources); rebuild shared-lib");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
