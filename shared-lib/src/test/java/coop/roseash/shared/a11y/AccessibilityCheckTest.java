package coop.roseash.shared.a11y;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/** The check the browser tests run on every page catches what it is for: an image without alt, a field without label. */
class AccessibilityCheckTest {

    private static WebDriver driver;

    @BeforeAll
    static void open() {
        driver = BrowserSupport.open();
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static void show(String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Check</title></head><body><main><h1>Check</h1>"
                + body + "</main></body></html>";
        driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void aLabelledFieldAndAnImageWithAltPass() {
        show("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"A pressed apple\">"
                + "<form><label for=\"q\">Search</label><input id=\"q\" name=\"q\"></form>");
        assertThat(Accessibility.seriousViolations(driver)).isEmpty();
    }

    @Test
    void anImageThatLosesItsAltFails() {
        show("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");
        assertThat(Accessibility.seriousViolations(driver)).anySatisfy(v -> assertThat(v).startsWith("critical image-alt"));
        assertThatThrownBy(() -> Accessibility.assertAccessible(driver)).hasMessageContaining("image-alt");
    }

    @Test
    void aFieldThatLosesItsLabelFails() {
        show("<form><input id=\"q\" name=\"q\"></form>");
        assertThat(Accessibility.seriousViolations(driver)).anySatisfy(v -> assertThat(v).contains(" label: "));
    }
}
