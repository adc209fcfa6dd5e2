package coop.roseash.blog.browser;

import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.GhostStub;
import coop.roseash.blog.support.TestVisitors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an admin and a reader do in a real browser: write, publish, find, add to the navigation, conflict, and
 * never run injected script. Pages carry the real site header ({@link SiteHeaderProfile}).
 */
@QuarkusTest
@TestProfile(SiteHeaderProfile.class)
@QuarkusTestResource(BlogTestResource.class)
@QuarkusTestResource(GhostStub.class)
class BlogBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    BlogTables tables;

    private final List<WebDriver> drivers = new ArrayList<>();

    @BeforeEach
    void clean() {
        tables.clear();
    }

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    private WebDriver adminBrowser() throws Exception {
        WebDriver d = BrowserSupport.open();
        drivers.add(d);
        BrowserSupport.firstLoad(d, url("/search"));
        d.manage().addCookie(new Cookie(TestVisitors.COOKIE, TestVisitors.ADMIN));
        return d;
    }

    private String url(String path) {
        return BrowserSupport.root(base) + path;
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement field = d.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(WebDriver d, String buttonText) {
        d.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")).click();
    }

    private static void assertNoAlert(WebDriver d) {
        assertThatThrownBy(() -> d.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Waits until the page shows {@code text}; a page swapped mid-read is simply read again. */
    private static void waitForText(WebDriver d, String text, int seconds) {
        new WebDriverWait(d, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                .until(w -> bodyText(w).contains(text));
    }

    private static String bodyText(WebDriver d) {
        return d.findElement(By.tagName("body")).getText();
    }

    @Test
    void anAdminPublishesAPostThatReadersFindEverywhereAndItsScriptNeverRuns() throws Exception {
        WebDriver d = adminBrowser();
        d.get(url("/admin/posts/new"));
        Accessibility.assertAccessible(d);
        type(d, "f-title", "Apple day <script>alert('title')</script>");
        type(d, "f-tags", "Orchard");
        type(d, "html", "<p>Pressing apples at the <b>orchard</b>.</p><script>alert('body')</script>"
                + "<img src=\"https://img.invalid/x.png\" onerror=\"alert('img')\">");
        click(d, "Publish");
        waitForText(d, "Published.", 10);

        d.get(url("/"));
        assertThat(bodyText(d)).contains("Apple day <script>alert('title')</script>");
        Accessibility.assertAccessible(d);
        d.findElement(By.partialLinkText("Apple day")).click();
        assertNoAlert(d);
        Accessibility.assertAccessible(d);
        assertThat(bodyText(d)).contains("Pressing apples at the orchard.");
        assertThat(d.getPageSource()).doesNotContain("alert('body')").doesNotContain("onerror");

        d.get(url("/search?q=orchard"));
        assertThat(d.findElement(By.cssSelector(".search-hits")).getText()).contains("Apple day");
        assertThat(d.findElements(By.cssSelector(".search-hits mark"))).isNotEmpty();
        Accessibility.assertAccessible(d);

        for (String feed : new String[] {"/feed/rss.xml", "/feed/atom.xml", "/sitemap.xml"}) {
            d.get(url(feed));
            assertThat(d.getPageSource()).as(feed).contains("apple-day-script-alert-title-script");
        }
        d.get(url("/tag/orchard/"));
        assertThat(bodyText(d)).contains("Apple day");
        Accessibility.assertAccessible(d);
        assertThat(navLinks(d)).isEmpty(); // the empty menu is now the cached nav-tree (60 s)

        // into the navigation through the menu admin's page search; the header changes at once
        d.get(url("/admin/menu"));
        type(d, "m-q", "apple day");
        // a plain GET form: wait for the results page before looking for its button
        BrowserSupport.clickAndWaitForNextPage(d, d.findElement(By.xpath("//main//button[normalize-space()='Search']")));
        click(d, "Add to menu");
        waitForText(d, "Added.", 10);
        Accessibility.assertAccessible(d);
        assertThat(d.findElement(By.cssSelector(".menu-tree .menu-label")).getText())
                .isEqualTo("Apple day <script>alert('title')</script>");
        d.get(url("/search?q=orchard"));
        assertNoAlert(d);
        List<WebElement> nav = navLinks(d);
        assertThat(nav).hasSize(1);
        assertThat(nav.get(0).getText()).isEqualTo("Apple day <script>alert('title')</script>");
        assertThat(nav.get(0).getAttribute("href")).endsWith("/apple-day-script-alert-title-script/");
    }

    /** The links of the site navigation in the page header (blog's nav-tree fragment). */
    private static List<WebElement> navLinks(WebDriver d) {
        return d.findElements(By.cssSelector("header .site-nav .nav-tree a"));
    }

    @Test
    void aStaleSecondEditorGetsTheConflictPageWithTheirTextKept() throws Exception {
        WebDriver first = adminBrowser();
        first.get(url("/admin/posts/new"));
        type(first, "f-title", "Rota");
        type(first, "html", "<p>Monday: Sam</p>");
        click(first, "Save draft");
        waitForText(first, "Created as a draft.", 10);
        String editUrl = first.getCurrentUrl().replaceAll("\\?.*", "");

        Accessibility.assertAccessible(first);
        WebDriver second = adminBrowser();
        second.get(editUrl);
        first.get(editUrl);

        type(first, "html", "<p>Monday: Alex</p>");
        click(first, "Save draft");
        waitForText(first, "Saved.", 10);

        type(second, "html", "<p>Monday: Kim and Jo</p>");
        click(second, "Save draft");
        waitForText(second, "Someone else saved this while you were editing", 10);
        Accessibility.assertAccessible(second);
        assertThat(second.findElement(By.id("html")).getAttribute("value")).isEqualTo("<p>Monday: Kim and Jo</p>");

        first.get(editUrl);
        assertThat(first.findElement(By.id("html")).getAttribute("value")).isEqualTo("<p>Monday: Alex</p>");
    }

    @Test
    void scriptsInImportedGhostContentShowAsTextAndNeverRun() throws Exception {
        WebDriver d = adminBrowser();
        d.get(url("/admin/import"));
        Accessibility.assertAccessible(d);
        click(d, "Start import");
        new WebDriverWait(d, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(w -> {
            w.navigate().refresh();
            return bodyText(w).contains("State: finished");
        });
        d.get(url("/ghost-post-1/"));
        assertNoAlert(d);
        Accessibility.assertAccessible(d);
        assertThat(bodyText(d)).contains("Bring your spare seeds.").contains("swap list");
        assertThat(d.getPageSource()).doesNotContain("alert('ghost')").doesNotContain("javascript:");
        d.get(url("/harvest-supper/"));
        assertNoAlert(d);
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("<script>alert('title')</script> Harvest supper");
    }
}
