package coop.roseash.e2e.commerce;

import coop.roseash.e2e.MailedLinks;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.shared.testing.BrowserSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commerce journey of issue 12 in Debian's headless Chromium against the six packaged services and the launcher's
 * SumUp stub: an anonymous visitor adds two products on the demo market (one from the list, one from its product page,
 * each without leaving the page), signs in with a magic link from the mail sink, finds both in the cart once (the
 * device's cart adopted), checks out, pays on the stub's hosted page, comes back to a paid order, and the confirmation
 * email is in the sink. Then the crash: cart is killed (SIGKILL) between checkout and payment, the payment happens while
 * it is down (the stub's webhook finds nobody), and after a restart the reconciliation job alone confirms the order,
 * once. Runs before {@code PlatformIT} (100), which stops cart; it leaves cart running again.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(60)
class CommerceJourneyIT {

    private static final String MARKET = DemoShop.MARKET;
    private static final String MERCHANT = DemoShop.MERCHANT;

    private static RunningPlatform platform;
    private static TestDatabase db;
    private static Path mailDir;
    private static WebDriver browser;
    private static String email;

    @BeforeAll
    static void start() throws InterruptedException {
        BrowserSupport.requireBrowser();
        SharedPlatform shared = SharedPlatform.get();
        platform = shared.platform();
        db = shared.database();
        mailDir = shared.mailDir();
        email = "journey." + SharedPlatform.RUN + "@example.org";
        // the market writes its demo market once the blog's demo page is there; the page gets SumUp settings
        DemoShop.ready(db);
        browser = BrowserSupport.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        // whatever happened, the classes after this one expect a running cart
        if (platform != null && !platform.service("cart").isAlive()) {
            platform.restart("cart");
        }
    }

    @Test
    @Order(1)
    void anAnonymousVisitorBuysTwoProductsSignsInPaysAndGetsAConfirmedOrderAndAnEmail() throws Exception {
        // anonymous: the first product from the market's list, without leaving the page
        BrowserSupport.firstLoad(browser, market("/" + MARKET));
        assertThat(browser.findElements(By.cssSelector(".auth-menu a.sign-in"))).as("anonymous").isNotEmpty();
        addToCart("Wildflower honey");
        // the second from its product page, again without leaving it
        browser.get(market("/" + MARKET + "/p/sourdough-loaf"));
        addToCart("White sourdough loaf");
        assertThat(miniCartCount()).as("the header's mini cart counts the device's two items").isEqualTo("2");

        // signs in with the magic link from the mail sink
        browser.findElement(By.cssSelector(".auth-menu a.sign-in")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("email"))).sendKeys(email);
        browser.findElement(By.id("send-link")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));
        browser.get(MailedLinks.signInLink(mailDir, email));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-menu .member-name")));
        long userId = db.userId(email);

        // the device's lines were adopted by the member (a Login activity on the event bus): each product once, quantity 1
        browser.get(cart("/"));
        await(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("tr.cart-line")).size() >= 2;
        }, 30, "the two lines in the member's cart after sign-in");
        assertThat(texts("tr.cart-line td:first-child")).containsExactlyInAnyOrder("Wildflower honey", "White sourdough loaf");
        assertThat(browser.findElements(By.cssSelector("tr.cart-line input[name=quantity]")))
                .extracting(e -> e.getAttribute("value")).containsExactly("1", "1");
        assertThat(browser.findElement(By.cssSelector(".cart-total")).getText()).isEqualTo("Total: £10.50");
        assertThat(db.longOrMinusOne("SELECT count(*) FROM cart_items WHERE user_id = ?", userId)).as("member's rows").isEqualTo(2);
        assertThat(db.longOrMinusOne("SELECT sum(quantity) FROM cart_items WHERE user_id = ?", userId)).isEqualTo(2);

        // checks out: to SumUp's hosted page (the stub's), for the page's merchant and today's total
        BrowserSupport.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.cart-checkout button")));
        assertThat(browser.getCurrentUrl()).startsWith(SharedPlatform.get().sumUp().baseUrl() + "/pay/");
        assertThat(browser.findElement(By.id("amount")).getText()).matches("10\\.50? GBP to " + MERCHANT);
        long orderId = db.longOrMinusOne("SELECT id FROM orders WHERE user_id = ? AND status = 'pending'", userId);
        assertThat(orderId).as("one pending order").isPositive();

        // pays; SumUp sends the browser back to the order's return page, which asks SumUp and shows the paid order
        BrowserSupport.clickAndWaitForNextPage(browser, browser.findElement(By.id("pay")));
        waiting().until(ExpectedConditions.urlToBe(cart("/orders/" + orderId)));
        assertThat(browser.findElement(By.cssSelector("main .order h1")).getText()).isEqualTo("Order " + orderId);
        assertThat(browser.findElement(By.cssSelector("main .order [role=status]")).getText()).startsWith("Paid");
        assertThat(texts("main .order-lines tbody td:first-child"))
                .containsExactlyInAnyOrder("Wildflower honey", "White sourdough loaf");
        assertThat(db.text("SELECT status FROM orders WHERE id = ?", orderId)).isEqualTo("paid");
        assertThat(db.longOrMinusOne("SELECT amount_cents FROM orders WHERE id = ?", orderId)).isEqualTo(1050);

        // the confirmation email, once (the webhook and the return page both hinted; one confirmation)
        await(() -> confirmationMails(orderId).size() == 1, 20, "the confirmation mail of order " + orderId);
        String mail = confirmationMails(orderId).get(0);
        assertThat(mail).contains("To: " + email + "\r\n").contains("Wildflower honey").contains("White sourdough loaf");
        // the cart is empty now
        browser.get(cart("/"));
        assertThat(browser.findElement(By.cssSelector("#cart-area .empty")).getText()).startsWith("Your cart is empty");
        Thread.sleep(1_000); // a late duplicate mail would be written within this second (sent right after commit)
        assertThat(confirmationMails(orderId)).hasSize(1);
    }

    @Test
    @Order(2)
    void killingCartBetweenCheckoutAndPaymentLosesNothingTheJobConfirmsAfterRestart() throws Exception {
        long userId = db.userId(email);
        browser.get(market("/" + MARKET + "/p/cloudy-apple-juice"));
        addToCart("Cloudy apple juice");
        browser.get(cart("/"));
        BrowserSupport.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.cart-checkout button")));
        assertThat(browser.getCurrentUrl()).startsWith(SharedPlatform.get().sumUp().baseUrl() + "/pay/");
        long orderId = db.longOrMinusOne("SELECT id FROM orders WHERE user_id = ? AND status = 'pending'", userId);
        assertThat(orderId).isPositive();

        // cart dies between checkout and payment; the member pays anyway: the webhook finds nobody, nor does the return
        platform.kill("cart");
        browser.findElement(By.id("pay")).click();
        await(() -> !browser.getCurrentUrl().contains("/pay/"), 20, "the stub sends the browser back to cart");
        assertThat(db.text("SELECT status FROM orders WHERE id = ?", orderId)).as("nobody confirmed it").isEqualTo("pending");
        assertThat(confirmationMails(orderId)).isEmpty();

        // restarted, nothing hints again: the reconciliation job finds the pending order and confirms it, once
        long restarted = System.nanoTime();
        platform.restart("cart");
        await(() -> "paid".equals(db.text("SELECT status FROM orders WHERE id = ?", orderId)), 120,
                "the job confirms order " + orderId + " after the restart");
        System.out.printf("[e2e] cart restarted and order confirmed by the job in %.1f s%n", (System.nanoTime() - restarted) / 1e9);
        await(() -> confirmationMails(orderId).size() == 1, 20, "the confirmation mail of order " + orderId);
        assertThat(db.longOrMinusOne("SELECT count(*) FROM cart_items WHERE user_id = ?", userId)).as("paid line cleared").isZero();

        // the member's session survived the restart; the order page shows it paid
        browser.get(cart("/orders/" + orderId));
        assertThat(browser.findElement(By.cssSelector("main .order [role=status]")).getText()).startsWith("Paid");
        assertThat(confirmationMails(orderId)).hasSize(1);
    }

    /** Adds one of {@code title} with its form on the current page and waits for the engine's answer in place. */
    private static void addToCart(String title) {
        String before = miniCartCount();
        String page = browser.getCurrentUrl();
        WebElement form = waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//form[contains(@class,'add-to-cart')][.//button[contains(normalize-space(.), ': " + title + "')]]")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.__roseashSamePage = true");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> !form.findElements(By.cssSelector(".cart-status .cart-added")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("still on the page").isEqualTo(page);
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__roseashSamePage"))
                .as("no new document was loaded").isEqualTo(true);
        // the mini cart in the header was refreshed out of band
        waiting().until(d -> !miniCartCount().equals(before));
    }

    private static String miniCartCount() {
        List<WebElement> count = browser.findElements(By.cssSelector(".cart-mini-count"));
        return count.isEmpty() ? "" : count.get(0).getText();
    }

    /** The sink's mails whose subject is order {@code orderId}'s confirmation. */
    private static List<String> confirmationMails(long orderId) {
        String subject = "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(
                ("Your Rose Ash order " + orderId + " is paid").getBytes(StandardCharsets.UTF_8)) + "?=";
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).map(CommerceJourneyIT::read)
                    .filter(eml -> eml.contains(subject + "\r\n")).map(CommerceJourneyIT::decodedParts).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mail's headers and its parts, decoded if they are base64. */
    private static String decodedParts(String eml) {
        StringBuilder out = new StringBuilder(eml);
        for (String block : eml.split("\r\n\r\n")) {
            String compact = block.replace("\r\n", "").strip();
            if (compact.matches("[A-Za-z0-9+/=]{16,}")) {
                out.append('\n').append(new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String market(String path) {
        return platform.address("market").publicUrl() + path;
    }

    private static String cart(String path) {
        return platform.address("cart").publicUrl() + path;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (WebDriverException notYet) {
                // a page in the middle of loading
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }
}
