package coop.roseash.blog.demos;

import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Walks every /sx/demos page in headless Chromium as a person would: click, type, see. Each step also checks the
 * page was not reloaded (a marker on {@code window} survives), so what is proven is the engine, not the fallbacks.
 */
@QuarkusTest
class DemoBrowserTest {

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void openBrowser() {
        driver = BrowserSupport.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void forgetOldConsole() {
        BrowserSupport.consoleErrors(driver);
    }

    /** The design system's every piece passes the accessibility check (contrast included) in light and in dark. */
    @Test
    void theStyleGuidePassesTheAccessibilityCheckInLightAndDark() {
        open("/sx/demos/style"); // checks the light scheme
        assertThat(driver.findElements(By.cssSelector("main .swatch"))).hasSize(5);
        String light = (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor");
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            assertThat((String) driver.executeScript("return getComputedStyle(document.body).backgroundColor"))
                    .as("the dark scheme applies").isNotEqualTo(light);
            Accessibility.assertAccessible(driver);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void clickToLoadAppendsRowsUntilTheEnd() {
        open("/sx/demos/click-to-load");
        assertThat(rows("#rows li.demo-row")).hasSize(5);
        for (int shown = 10; shown <= 25; shown += 5) {
            driver.findElement(By.linkText("Load five more")).click();
            int expected = shown;
            waitFor(() -> rows("#rows li.demo-row").size() == expected);
        }
        waitFor(() -> !driver.findElements(By.cssSelector("#rows .demo-end")).isEmpty());
        assertThat(texts("#rows li.demo-row")).first().isEqualTo("Row 1");
        assertThat(texts("#rows li.demo-row")).last().isEqualTo("Row 25");
        assertThat(texts("#rows li.demo-row")).doesNotHaveDuplicates();
        assertNotReloaded();
    }

    @Test
    void infiniteScrollLoadsTheNextPageWhenTheLastRowIsRevealed() {
        open("/sx/demos/infinite-scroll");
        // rows arrive only as the last row is scrolled into view: scroll, wait for more, repeat
        for (int i = 0; i < 10 && driver.findElements(By.id("scroll-end")).isEmpty(); i++) {
            int before = rows("#scroll-rows li.demo-row").size();
            driver.executeScript("window.scrollTo(0, document.body.scrollHeight)");
            waitFor(() -> rows("#scroll-rows li.demo-row").size() > before || !driver.findElements(By.id("scroll-end")).isEmpty());
        }
        assertThat(texts("#scroll-rows li.demo-row")).hasSize(50).doesNotHaveDuplicates().last().isEqualTo("Row 50");
        assertNotReloaded();
    }

    @Test
    void activeSearchWaitsForAPauseThenShowsMatches() {
        open("/sx/demos/active-search");
        WebElement box = driver.findElement(By.cssSelector("main input[name=q]"));
        box.sendKeys("libr");
        waitFor(() -> texts("#search-results li").equals(List.of("Seed library", "Tool library")));
        // four keystrokes inside the 300 ms delay make one request
        assertThat(resourceRequests("/sx/demos/active-search/results")).isEqualTo(1);
        box.sendKeys("xyz");
        waitFor(() -> texts("#search-results .no-results").equals(List.of("Nothing matches \"librxyz\".")));
        assertNotReloaded();
    }

    @Test
    void inlineEditSwapsInTheFormAndSavesOnTheServer() {
        open("/sx/demos/inline-edit");
        driver.findElement(By.cssSelector("#contact a.demo-edit")).click();
        WebElement name = waitFor(By.cssSelector("form#contact input[name=name]"));
        name.clear();
        name.sendKeys("Grace Hopper");
        driver.findElement(By.cssSelector("form#contact button.demo-save")).click();
        waitFor(() -> texts("#contact .contact-name").equals(List.of("Grace Hopper")));
        assertThat(driver.findElements(By.cssSelector("form#contact"))).isEmpty();
        assertNotReloaded();
        open("/sx/demos/inline-edit");
        assertThat(texts("#contact .contact-name")).containsExactly("Grace Hopper");
    }

    @Test
    void deleteAsksFirstAndRemovesTheRowOnlyWhenConfirmed() {
        open("/sx/demos/delete");
        By tim = By.id("person-8");
        driver.findElement(tim).findElement(By.cssSelector("button.demo-delete")).click();
        Alert ask = new WebDriverWait(driver, BrowserSupport.WAIT).until(ExpectedConditions.alertIsPresent());
        assertThat(ask.getText()).isEqualTo("Delete Tim?");
        ask.dismiss();
        assertThat(driver.findElements(tim)).hasSize(1);
        driver.findElement(tim).findElement(By.cssSelector("button.demo-delete")).click();
        new WebDriverWait(driver, BrowserSupport.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        waitFor(() -> driver.findElements(tim).isEmpty());
        assertNotReloaded();
        open("/sx/demos/delete");
        assertThat(driver.findElements(tim)).isEmpty();
        assertThat(driver.findElements(By.id("person-1"))).hasSize(1);

        driver.findElement(By.cssSelector("button.demo-restore")).click();
        waitFor(() -> !driver.findElements(tim).isEmpty());
        // the restored rows are live: their delete buttons ask again
        driver.findElement(tim).findElement(By.cssSelector("button.demo-delete")).click();
        new WebDriverWait(driver, BrowserSupport.WAIT).until(ExpectedConditions.alertIsPresent()).dismiss();
        assertNotReloaded();
    }

    @Test
    void tabsPushTheirUrlAndBackAndForwardRestoreThem() {
        open("/sx/demos/tabs");
        assertThat(tabText()).startsWith("Seeds:");
        driver.findElement(By.linkText("Tools")).click();
        waitFor(() -> tabText().startsWith("Tools:"));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/tabs/tools");
        driver.findElement(By.linkText("Harvest")).click();
        waitFor(() -> tabText().startsWith("Harvest:"));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/tabs/harvest");
        assertThat(driver.findElement(By.cssSelector("a.tab.selected")).getText()).isEqualTo("Harvest");

        driver.navigate().back();
        waitFor(() -> driver.getCurrentUrl().endsWith("/sx/demos/tabs/tools") && tabText().startsWith("Tools:"));
        driver.navigate().back();
        waitFor(() -> driver.getCurrentUrl().endsWith("/sx/demos/tabs") && tabText().startsWith("Seeds:"));
        driver.navigate().forward();
        waitFor(() -> driver.getCurrentUrl().endsWith("/sx/demos/tabs/tools") && tabText().startsWith("Tools:"));
        assertThat(driver.findElement(By.cssSelector("a.tab.selected")).getText()).isEqualTo("Tools");
        // history is restored by the engine (fetch and morph), not by reloading the page
        assertNotReloaded();
        // the restored tabs still work
        driver.findElement(By.linkText("Harvest")).click();
        waitFor(() -> tabText().startsWith("Harvest:"));
    }

    @Test
    void outOfBandUpdateChangesTheCountBesideTheList() {
        open("/sx/demos/oob");
        int before = rows("#notes li.note").size();
        driver.findElement(By.name("note")).sendKeys("Bring jam <b>");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(() -> rows("#notes li.note").size() == before + 1);
        assertThat(texts("#notes li.note")).last().isEqualTo("Bring jam <b>");
        waitFor(() -> driver.findElement(By.id("note-count")).getText().equals(Integer.toString(before + 1)));
        assertThat(driver.findElements(By.id("note-count"))).hasSize(1);
        assertNotReloaded();
    }

    @Test
    void formShowsServerErrorsAndKeepsWhatWasTyped() {
        open("/sx/demos/form");
        driver.findElement(By.cssSelector("#signup button")).click();
        waitFor(By.id("name-error"));
        assertThat(driver.findElement(By.id("name-error")).getText()).isEqualTo("Please give your name.");
        assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("An email address has an @ in it.");

        driver.findElement(By.name("name")).sendKeys("Ada");
        driver.findElement(By.name("email")).sendKeys("taken@example.com");
        driver.findElement(By.cssSelector("#signup button")).click();
        waitFor(() -> driver.findElements(By.id("name-error")).isEmpty());
        assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("That address has already signed up.");
        assertThat(driver.findElement(By.name("name")).getAttribute("value")).isEqualTo("Ada");
        assertThat(driver.findElement(By.name("email")).getAttribute("value")).isEqualTo("taken@example.com");

        WebElement email = driver.findElement(By.name("email"));
        email.clear();
        email.sendKeys("ada@example.org");
        driver.findElement(By.cssSelector("#signup button")).click();
        waitFor(() -> texts("#signup .demo-success").equals(List.of("Welcome aboard, Ada!")));
        assertNotReloaded();
    }

    @Test
    void counterIslandCountsInTheBrowser() {
        open("/sx/demos/counter");
        assertThat(count()).isEqualTo("5");
        driver.findElement(By.cssSelector(".demo-counter button.inc")).click();
        driver.findElement(By.cssSelector(".demo-counter button.inc")).click();
        waitFor(() -> count().equals("7"));
        driver.findElement(By.cssSelector(".demo-counter button.dec")).click();
        waitFor(() -> count().equals("6"));
        assertThat(debug().get("islands")).isEqualTo(1L);
    }

    @Test
    void temperatureFieldsFollowEachOtherThroughComputedSignals() {
        open("/sx/demos/temperature");
        WebElement celsius = driver.findElement(By.cssSelector("input.celsius"));
        WebElement fahrenheit = driver.findElement(By.cssSelector("input.fahrenheit"));
        assertThat(fahrenheit.getAttribute("value")).isEqualTo("68.0");
        celsius.clear();
        celsius.sendKeys("100");
        waitFor(() -> "212.0".equals(fahrenheit.getAttribute("value")));
        assertThat(texts(".demo-temperature .kelvin")).containsExactly("Kelvin: 373.15");
        assertThat(texts(".demo-temperature .feel")).containsExactly("That is hot.");
        // what is being typed is left alone ("100" stays "100", not "100.0")
        assertThat(celsius.getAttribute("value")).isEqualTo("100");
        fahrenheit.clear();
        fahrenheit.sendKeys("14");
        waitFor(() -> "-10.0".equals(celsius.getAttribute("value")));
        assertThat(texts(".demo-temperature .feel")).containsExactly("That is freezing.");
        assertThat(fahrenheit.getAttribute("value")).isEqualTo("14");
    }

    @Test
    void twoIslandsShareOneStore() {
        open("/sx/demos/store");
        assertThat(texts(".basket-count")).containsExactly("0 in the basket");
        driver.findElement(By.xpath("//button[.='Add Apples']")).click();
        driver.findElement(By.xpath("//button[.='Add Cheese']")).click();
        waitFor(() -> texts(".basket-count").equals(List.of("2 in the basket")));
        assertThat(texts(".basket-items li")).containsExactly("Apples", "Cheese");
        driver.findElement(By.cssSelector("button.basket-empty")).click();
        waitFor(() -> texts(".basket-count").equals(List.of("0 in the basket")));
        assertThat(texts(".basket-items li")).isEmpty();
        assertThat(debug().get("islands")).isEqualTo(2L);
    }

    @Test
    void serverRenderedButtonsTalkToTheIslandThroughTheEventBridge() {
        open("/sx/demos/bridge");
        assertThat(texts(".bridge-picked")).containsExactly("Nothing picked yet.");
        waitFor(By.xpath("//button[@data-sx-emit='demo-pick' and .='Pears']")).click();
        waitFor(() -> texts(".bridge-picked").equals(List.of("You picked Pears (1 picks so far).")));
        driver.findElement(By.xpath("//button[.='Plums']")).click();
        waitFor(() -> texts(".bridge-picked").equals(List.of("You picked Plums (2 picks so far).")));
        assertNotReloaded();
    }

    @Test
    void islandSurvivesAMorphAndASwappedOutIslandLeavesNothingBehind() {
        open("/sx/demos/morph");
        for (int i = 0; i < 3; i++) {
            driver.findElement(By.cssSelector("#morph-area button.inc")).click();
        }
        waitFor(() -> count().equals("3"));
        Map<String, Object> settled = debug();
        String version = version();

        driver.findElement(By.cssSelector("a.morph-refresh")).click();
        waitFor(() -> !version().equals(version));
        assertThat(count()).as("the morphed island keeps its count").isEqualTo("3");
        assertThat(debug()).as("morph leaves effects, listeners and islands as they were").isEqualTo(settled);

        String morphed = version();
        driver.findElement(By.cssSelector("a.morph-replace")).click();
        waitFor(() -> !version().equals(morphed));
        assertThat(count()).as("a replaced island starts again").isEqualTo("0");
        assertThat(debug()).as("the replaced island's effects and listeners are released").isEqualTo(settled);
        driver.findElement(By.cssSelector("#morph-area button.inc")).click();
        waitFor(() -> count().equals("1"));
        assertNotReloaded();
    }

    @Test
    void malformedResponseLogsOneErrorAndLeavesThePageUsable() {
        open("/sx/demos/counter");
        long errors = (Long) debug().get("errors");
        driver.executeScript("""
                var b = document.createElement('button');
                b.id = 'broken'; b.setAttribute('sx-get', '/test/demos/malformed'); b.setAttribute('sx-target', '#broken-out');
                var out = document.createElement('div'); out.id = 'broken-out'; out.textContent = 'untouched';
                document.querySelector('article').append(b, out);
                SX.process(b);""");
        driver.findElement(By.id("broken")).click();
        waitFor(() -> (Long) debug().get("errors") == errors + 1);
        List<String> console = BrowserSupport.consoleErrors(driver);
        assertThat(console).hasSize(1);
        assertThat(console.get(0)).contains("sx: bad text/sx response from /test/demos/malformed");
        assertThat(driver.findElement(By.id("broken-out")).getText()).isEqualTo("untouched");

        // island state that does not parse: one error, the server-rendered content stays
        driver.executeScript("""
                var s = document.createElement('span');
                s.id = 'bad-island'; s.setAttribute('data-sx-island', 'demos/counter'); s.setAttribute('data-sx-state', '{oops');
                s.textContent = 'server render';
                document.querySelector('article').append(s);
                SX.hydrate(s);""");
        waitFor(() -> (Long) debug().get("errors") == errors + 2);
        assertThat(BrowserSupport.consoleErrors(driver)).singleElement().asString().contains("not valid JSON");
        assertThat(driver.findElement(By.id("bad-island")).getText()).isEqualTo("server render");

        driver.findElement(By.cssSelector(".demo-counter button.inc")).click();
        waitFor(() -> count().equals("6"));
        assertNotReloaded();
    }

    // ------------------------------------------------------------------ helpers

    private void open(String path) {
        BrowserSupport.firstLoad(driver, BrowserSupport.root(base) + path);
        waitFor(() -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && !!window.SX && !!window.SX.debug")));
        Accessibility.assertAccessible(driver);
        driver.executeScript("window.__demoMark = true");
    }

    private void assertNotReloaded() {
        assertThat(driver.executeScript("return window.__demoMark === true")).as("the page was not reloaded").isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> debug() {
        return (Map<String, Object>) driver.executeScript("return Object.assign({}, window.SX.debug)");
    }

    private long resourceRequests(String path) {
        return (Long) driver.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.indexOf(arguments[0]) >= 0).length", path);
    }

    private String tabText() {
        return driver.findElement(By.id("tab-text")).getText();
    }

    private String count() {
        return driver.findElement(By.cssSelector(".demo-counter output.count")).getText();
    }

    private String version() {
        return driver.findElement(By.cssSelector("#morph-area .morph-version")).getText();
    }

    private List<WebElement> rows(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    private List<String> texts(String css) {
        return rows(css).stream().map(WebElement::getText).toList();
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(driver, BrowserSupport.WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void waitFor(Supplier<Boolean> condition) {
        new WebDriverWait(driver, BrowserSupport.WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.get());
    }
}
