package coop.roseash.cart.browser;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.Mailbox;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.cart.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart in Chromium as a member uses it: change a quantity and remove a line through the engine (no reload, the
 * CSRF token sent by sx.js), check out to SumUp's hosted page (the stub's), come back to a paid order, one email.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CartBrowserTest extends CartTestBase {

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

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    @Test
    void aMemberChangesTheCartInPlaceChecksOutAndComesBackToAPaidOrder() {
        long page = Catalogue.newPage();
        long member = newMember();
        carts.add(Identity.member(member), "product", catalogue().product(page, "Tea", 450, 10), 1);
        carts.add(Identity.member(member), "product", catalogue().product(page, "Honey", 700, null), 1);
        String root = BrowserSupport.root(base);
        BrowserSupport.firstLoad(driver, root + "/");
        driver.manage().addCookie(new Cookie(TestVisitors.COOKIE, TestVisitors.member(member)));
        driver.get(root + "/");

        assertThat(texts("tr.cart-line td:first-child")).containsExactly("Tea", "Honey");
        assertThat(driver.findElement(By.cssSelector(".cart-total")).getText()).isEqualTo("Total: £11.50");
        Accessibility.assertAccessible(driver);
        driver.executeScript("window.__sameCartPage = true");

        WebElement quantity = driver.findElement(By.cssSelector("tr.cart-line input[name=quantity]"));
        quantity.clear();
        quantity.sendKeys("3");
        driver.findElement(By.cssSelector("tr.cart-line button.secondary")).click();
        waitFor(() -> driver.findElement(By.cssSelector(".cart-total")).getText().equals("Total: £20.50"));
        driver.findElements(By.cssSelector("tr.cart-line")).get(1)
                .findElement(By.cssSelector("button[aria-label='Remove Honey']")).click();
        waitFor(() -> texts("tr.cart-line td:first-child").equals(List.of("Tea")));
        assertThat(driver.findElement(By.cssSelector("#cart-area .notice")).getText()).isEqualTo("Removed from your cart.");
        assertThat(driver.executeScript("return window.__sameCartPage === true")).as("changed in place").isEqualTo(true);
        assertThat(BrowserSupport.consoleErrors(driver)).isEmpty();

        BrowserSupport.clickAndWaitForNextPage(driver, driver.findElement(By.cssSelector("form.cart-checkout button")));
        assertThat(driver.getCurrentUrl()).startsWith(SumUpStub.server().baseUrl() + "/pay/");

        // paid at SumUp, which then sends the browser back to the return page
        OrderRow order = orders(member).get(0);
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("13.50"), "GBP");
        driver.get(root + "/orders/" + order.id() + "/return");

        assertThat(driver.getCurrentUrl()).endsWith("/orders/" + order.id());
        assertThat(driver.findElement(By.cssSelector("main .order [role=status]")).getText()).startsWith("Paid");
        Accessibility.assertAccessible(driver);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(Mailbox.confirmationsOf(order.id())).hasSize(1);
        driver.get(root + "/");
        assertThat(driver.findElement(By.cssSelector("#cart-area .empty")).getText()).startsWith("Your cart is empty");
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, BrowserSupport.WAIT).ignoring(WebDriverException.class)
                .until(d -> condition.getAsBoolean());
    }
}
