package coop.roseash.blog.editor;

import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;

import static org.assertj.core.api.Assertions.assertThat;


import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.TestVisitors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An admin types into the editor island in headless Chromium: the preview follows, sanitized, and the toolbar edits. */
@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class EditorBrowserTest {

    private ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @Test
    void typingShowsTheSanitizedPreviewAndTheToolbarEditsTheText() {
        driver = BrowserSupport.open();
        try {
            typeAndUseTheToolbar();
        } finally {
            driver.quit();
        }
    }

    private void typeAndUseTheToolbar() {
        openEditor();
        // a handler that ran would set this flag (and a real alert would also be present)
        driver.executeScript("window.__alerted = false; window.alert = function () { window.__alerted = true; };");
        WebElement text = driver.findElement(By.cssSelector("[data-sx-island='blog/editor'] textarea[name=html]"));
        text.sendKeys("<h2>Hi</h2><img src=x onerror=alert(1)>");

        wait(() -> !driver.findElements(By.cssSelector("#preview h2")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#preview h2")).getText()).isEqualTo("Hi");
        String previewHtml = (String) driver.executeScript("return document.getElementById('preview').innerHTML;");
        assertThat(previewHtml).doesNotContainIgnoringCase("onerror");
        assertThat((Boolean) driver.executeScript(
                "return Array.from(document.querySelectorAll('#preview *')).some(e => e.hasAttribute('onerror'));"))
                .isFalse();
        assertThat((Boolean) driver.executeScript("return window.__alerted;")).isFalse();
        assertNoAlert();

        driver.findElement(By.cssSelector(".editor-toolbar .tool-bold")).click();
        wait(() -> text.getAttribute("value").endsWith("<strong>bold text</strong>"));
        assertThat(text.getAttribute("value")).startsWith("<h2>Hi</h2>");
        wait(() -> !driver.findElements(By.cssSelector("#preview strong")).isEmpty());
        driver.findElement(By.cssSelector(".editor-toolbar .tool-ul")).click();
        wait(() -> driver.findElements(By.cssSelector("#preview ul li")).size() == 2);
        assertThat(BrowserSupport.consoleErrors(driver)).isEmpty();
    }

    private void openEditor() {
        String root = BrowserSupport.root(base);
        BrowserSupport.firstLoad(driver, root + "/search");   // a public page: /admin would redirect to sign-in elsewhere
        driver.manage().addCookie(new Cookie(TestVisitors.COOKIE, TestVisitors.ADMIN));
        driver.get(root + "/admin/posts/new");
        // hydrated: sx.js has mounted the island, so its handlers and sx-post are live
        wait(() -> (Boolean) driver.executeScript(
                "var el = document.querySelector('[data-sx-island=\"blog/editor\"]'); return !!(el && el.__sxIsland);"));
        Accessibility.assertAccessible(driver);
    }

    private void assertNoAlert() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened: the preview ran a script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private void wait(java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d -> condition.get());
    }
}
