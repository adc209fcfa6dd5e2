package coop.roseash.blog.demos;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
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

/** The /sx/demos links and forms in Chromium with JavaScript turned off: each works as a plain full-page request. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
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
        driver.findElement(By.linkText("Load five more")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/click-to-load?shown=10");
        assertThat(texts("#rows li.demo-row")).hasSize(10);

        open("/sx/demos/tabs");
        driver.findElement(By.linkText("Harvest")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/tabs/harvest");
        assertThat(driver.findElement(By.id("tab-text")).getText()).startsWith("Harvest:");

        open("/sx/demos/infinite-scroll");
        driver.findElement(By.linkText("Show more")).click();
        assertThat(texts("#scroll-rows li.demo-row")).hasSize(20);
    }

    @Test
    void searchFormSubmitsAsAPlainGet() {
        open("/sx/demos/active-search");
        driver.findElement(By.name("q")).sendKeys("bee");
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/active-search?q=bee");
        assertThat(texts("#search-results li")).containsExactly("Bee keepers");
    }

    @Test
    void formsPostAndComeBackToThePage() {
        open("/sx/demos/inline-edit");
        driver.findElement(By.linkText("Edit")).click();
        WebElement name = driver.findElement(By.name("name"));
        name.clear();
        name.sendKeys("Katherine Johnson");
        driver.findElement(By.cssSelector("button.demo-save")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/inline-edit");
        assertThat(texts(".contact-name")).containsExactly("Katherine Johnson");

        open("/sx/demos/delete");
        driver.findElement(By.id("person-7")).findElement(By.cssSelector("button")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/delete");
        assertThat(driver.findElements(By.id("person-7"))).isEmpty();

        open("/sx/demos/oob");
        driver.findElement(By.name("note")).sendKeys("Posted without JavaScript");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/sx/demos/oob");
        assertThat(texts("#notes li.note")).contains("Posted without JavaScript");
    }

    @Test
    void validationErrorsShowOnTheFullPage() {
        open("/sx/demos/form");
        driver.findElement(By.name("name")).sendKeys("Ada");
        driver.findElement(By.name("email")).sendKeys("taken@example.com");
        driver.findElement(By.cssSelector("#signup button")).click();
        assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("That address has already signed up.");
        assertThat(driver.findElement(By.name("name")).getAttribute("value")).isEqualTo("Ada");
    }

    @Test
    void islandsShowTheirServerRender() {
        open("/sx/demos/counter");
        assertThat(driver.findElement(By.cssSelector(".demo-counter output.count")).getText()).isEqualTo("5");
    }

    private void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
        assertThat(driver.executeScript("return typeof window.SX")).as("sx.js must not have run").isEqualTo("undefined");
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
