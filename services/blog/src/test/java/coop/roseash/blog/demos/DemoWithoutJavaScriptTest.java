package coop.roseash.blog.demos;

import coop.roseash.shared.testing.BrowserSupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The /sx/demos links and forms in Chromium with JavaScript turned off: each works as a plain full-page request. */
@QuarkusTest
class DemoWithoutJavaScriptTest {

    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void openBrowser() {
        driver = BrowserSupport.open(false);
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void linksLoadFullPages() {
        open("/sx/demos/click-to-load");
        navigate(driver.findElement(By.linkText("Load five more")));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/click-to-load?shown=10");
        assertThat(texts("#rows li.demo-row")).hasSize(10);

        open("/sx/demos/tabs");
        navigate(driver.findElement(By.linkText("Harvest")));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/tabs/harvest");
        assertThat(driver.findElement(By.id("tab-text")).getText()).startsWith("Harvest:");

        open("/sx/demos/infinite-scroll");
        navigate(driver.findElement(By.linkText("Show more")));
        assertThat(texts("#scroll-rows li.demo-row")).hasSize(20);
    }

    @Test
    void searchFormSubmitsAsAPlainGet() {
        open("/sx/demos/active-search");
        driver.findElement(By.cssSelector("main input[name=q]")).sendKeys("bee");
        navigate(driver.findElement(By.cssSelector("main form[role=search] button")));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/active-search?q=bee");
        assertThat(texts("#search-results li")).containsExactly("Bee keepers");
    }

    @Test
    void formsPostAndComeBackToThePage() {
        open("/sx/demos/inline-edit");
        navigate(driver.findElement(By.linkText("Edit")));
        WebElement name = driver.findElement(By.name("name"));
        name.clear();
        name.sendKeys("Katherine Johnson");
        navigate(driver.findElement(By.cssSelector("button.demo-save")));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/inline-edit");
        assertThat(texts(".contact-name")).containsExactly("Katherine Johnson");

        open("/sx/demos/delete");
        navigate(driver.findElement(By.id("person-7")).findElement(By.cssSelector("button")));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/delete");
        assertThat(driver.findElements(By.id("person-7"))).isEmpty();

        open("/sx/demos/oob");
        driver.findElement(By.name("note")).sendKeys("Posted without JavaScript");
        navigate(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/oob");
        assertThat(texts("#notes li.note")).contains("Posted without JavaScript");
    }

    @Test
    void validationErrorsShowOnTheFullPage() {
        open("/sx/demos/form");
        driver.findElement(By.name("name")).sendKeys("Ada");
        driver.findElement(By.name("email")).sendKeys("taken@example.com");
        navigate(driver.findElement(By.cssSelector("#signup button")));
        assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("That address has already signed up.");
        assertThat(driver.findElement(By.name("name")).getAttribute("value")).isEqualTo("Ada");
    }

    @Test
    void islandsShowTheirServerRender() {
        open("/sx/demos/counter");
        assertThat(driver.findElement(By.cssSelector(".demo-counter output.count")).getText()).isEqualTo("5");
    }

    private void open(String path) {
        driver.get(BrowserSupport.root(base) + path);
        assertThat(driver.executeScript("return typeof window.SX")).as("sx.js must not have run").isEqualTo("undefined");
    }

    /** Clicks and waits for the next document: without JavaScript every click here is a full page load. */
    private static void navigate(WebElement element) {
        BrowserSupport.clickAndWaitForNextPage(driver, element);
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
