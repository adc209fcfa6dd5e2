package coop.roseash.market.browser;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import coop.roseash.market.support.TestVisitors;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor in Chromium adds products to the cart from a market page and from a product page without the page
 * being loaded again, and sees the header's mini cart count change; the pages pass the accessibility check.
 */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class MarketBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Shop shop;
    @Inject
    Carts carts;

    private ChromeDriver driver;
    private MarketPageView market;
    private ProductRef oats;
    private ProductRef honey;
    private String device;

    @BeforeEach
    void aVisitorOnAMarket() {
        market = shop.openMarket();
        oats = shop.product(market, TestProduct.named("Rolled oats").brand("Hill Farm").category("Cereals").price("2.10")
                .labels("organic, vegan").unit("1 kg"));
        honey = shop.product(market, TestProduct.named("Wildflower honey").brand("Meadow Bees").category("Pantry")
                .price("6.50").stock("3").description("<p>From the meadow.</p>"));
        driver = BrowserSupport.open();
        device = "device-" + UUID.randomUUID();
        BrowserSupport.firstLoad(driver, url("/"));
        driver.manage().addCookie(new Cookie(TestVisitors.COOKIE, TestVisitors.device(device)));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return BrowserSupport.root(base) + path;
    }

    @Test
    void addingFromTheListUpdatesTheMiniCartWithoutLoadingThePage() {
        driver.get(url(market.href()));
        assertThat(miniCartCount()).isEqualTo("0");
        Accessibility.assertAccessible(driver);
        driver.executeScript("window.__sameMarketPage = true");

        WebElement card = card("Rolled oats");
        WebElement quantity = card.findElement(By.name("quantity"));
        quantity.clear();
        quantity.sendKeys("2");
        card.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(() -> "2".equals(miniCartCount()));
        assertThat(card("Rolled oats").findElement(By.cssSelector(".cart-status")).getText())
                .startsWith("Added 2 × Rolled oats. Your cart holds 2 items.");
        assertThat(driver.executeScript("return window.__sameMarketPage === true")).as("the page was not loaded again")
                .isEqualTo(true);
        assertThat(carts.itemCount(Identity.device(device))).isEqualTo(2);

        // a refusal (more honey than there is) says why in the form, and the count stays
        WebElement honeyCard = card("Wildflower honey");
        WebElement honeyQuantity = honeyCard.findElement(By.name("quantity"));
        driver.executeScript("arguments[0].removeAttribute('max')", honeyQuantity); // past the browser's own check
        honeyQuantity.clear();
        honeyQuantity.sendKeys("5");
        honeyCard.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> card("Wildflower honey").findElement(By.cssSelector(".cart-status")).getText()
                .contains("Only 3 of “Wildflower honey” left."));
        assertThat(miniCartCount()).isEqualTo("2");
        assertThat(driver.executeScript("return window.__sameMarketPage === true")).isEqualTo(true);
        Accessibility.assertAccessible(driver);
        // Chromium logs every 4xx a page's script receives; the 422 is the refusal above, answered on purpose
        assertThat(BrowserSupport.consoleErrors(driver)).allMatch(line -> line.contains("/cart") && line.contains("422"));
    }

    @Test
    void addingFromAProductPageUpdatesTheMiniCartToo() {
        driver.get(url(market.href() + "p/" + honey.slug()));
        Accessibility.assertAccessible(driver);
        driver.executeScript("window.__sameProductPage = true");
        driver.findElement(By.cssSelector("form.add-to-cart button[type=submit]")).click();
        waitFor(() -> "1".equals(miniCartCount()));
        assertThat(driver.findElement(By.cssSelector(".cart-status")).getText()).startsWith("Added 1 × Wildflower honey.");
        assertThat(driver.executeScript("return window.__sameProductPage === true")).isEqualTo(true);
        assertThat(driver.findElement(By.cssSelector(".likes a")).getText()).isEqualTo("Sign in to like this");
    }

    @Test
    void filtersAndSearchAreAPlainFormWhoseResultIsALink() {
        driver.get(url(market.href()));
        driver.findElement(By.id("f-q")).sendKeys("honey");
        BrowserSupport.clickAndWaitForNextPage(driver, driver.findElement(By.cssSelector(".market-filters button[type=submit]")));
        assertThat(driver.getCurrentUrl()).contains("q=honey");
        assertThat(driver.findElements(By.cssSelector(".product-card h2"))).extracting(WebElement::getText)
                .containsExactly("Wildflower honey");
        Accessibility.assertAccessible(driver);
    }

    private WebElement card(String title) {
        return driver.findElement(By.xpath("//article[contains(@class,'product-card')][.//h2/a[normalize-space()='"
                + title + "']]"));
    }

    private String miniCartCount() {
        return driver.findElement(By.cssSelector("#site-cart .cart-mini-count")).getText();
    }

    private void waitFor(Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get());
    }
}
