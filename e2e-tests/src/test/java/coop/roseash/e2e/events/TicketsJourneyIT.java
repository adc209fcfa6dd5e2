package coop.roseash.e2e.events;

import coop.roseash.e2e.MailedLinks;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.e2e.commerce.DemoShop;
import coop.roseash.shared.testing.BrowserSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets through the cart (issue 13) in Chromium against the six packaged services and the SumUp stub: the admin
 * makes a calendar on a page whose settings turn calendars on, a weekly slot, an entry with a ticket type, and
 * confirms it; a member buys two tickets on the entry's page, checks out in the cart and pays on the stub's page;
 * the tickets are issued and the member sees both on account ({@code /page/tickets}, events' {@code account-page/tickets}
 * fragment) with their QR codes; the admin checks one in at the door by typing its code; a second check-in of it is
 * refused with when the first was.
 */
@ExtendWith(SharedPlatform.class)
@Order(62)
class TicketsJourneyIT {

    private static final String ADMIN_EMAIL = "admin@rose-ash.coop";

    private static RunningPlatform platform;
    private static TestDatabase db;
    private static Path mailDir;
    private static long pageId;
    private static final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws InterruptedException {
        BrowserSupport.requireBrowser();
        SharedPlatform shared = SharedPlatform.get();
        platform = shared.platform();
        db = shared.database();
        mailDir = shared.mailDir();
        pageId = DemoShop.ready(db);
        // the page's settings turn calendars and tickets on (the flags of blog's page settings, as its admin form saves them)
        long config = db.longOrMinusOne("UPDATE page_configs SET calendar_enabled = true, tickets_enabled = true"
                + " WHERE container_type = 'page' AND container_id = ? RETURNING id", pageId);
        assertThat(config).as("the page's settings row").isPositive();
    }

    @AfterAll
    static void stop() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void anAdminSetsUpAnEventAMemberBuysTwoTicketsThroughTheCartAndOneIsCheckedInOnce() throws Exception {
        WebDriver admin = signedIn(ADMIN_EMAIL, "events");
        String slug = "hall-" + SharedPlatform.RUN;
        admin.get(url("events", "/admin"));
        type(admin, "c-page", String.valueOf(pageId));
        type(admin, "c-name", "Village hall " + SharedPlatform.RUN);
        type(admin, "c-slug", slug);
        submit(admin, "Create calendar");
        assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo("Village hall " + SharedPlatform.RUN);

        new Select(admin.findElement(By.id("s-day"))).selectByVisibleText("Saturday");
        value(admin, "s-start", "10:00");
        value(admin, "s-end", "12:00");
        type(admin, "s-label", "Saturday market");
        submit(admin, "Add slot");
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Saturday market");

        String title = "Ceilidh " + SharedPlatform.RUN;
        type(admin, "e-title", title);
        value(admin, "e-date", LocalDate.now().plusDays(14).toString());
        value(admin, "e-start", "19:00");
        value(admin, "e-end", "23:00");
        admin.findElement(By.name("public")).click();
        submit(admin, "Add entry");
        assertThat(admin.findElement(By.cssSelector(".entry-state")).getText()).isEqualTo("pending");
        submit(admin, "Make confirmed");
        assertThat(admin.findElement(By.cssSelector(".entry-state")).getText()).isEqualTo("confirmed");
        type(admin, "t-name", "Adult");
        type(admin, "t-price", "12.50");
        type(admin, "t-cap", "80");
        submit(admin, "Add ticket type");
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Adult", "£12.50");
        long entry = Long.parseLong(new URI(admin.getCurrentUrl()).getPath().replaceAll(".*/admin/entries/(\\d+).*", "$1"));

        // a member buys two tickets on the entry's page: into the cart, checked out, paid on the stub
        String email = "ticket-buyer." + SharedPlatform.RUN + "@example.org";
        WebDriver member = signedIn(email, "events");
        long userId = db.userId(email);
        member.get(url("events", "/entries/" + entry));
        assertThat(member.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        WebElement quantity = member.findElement(By.cssSelector(".ticket-types input[name=quantity]"));
        quantity.clear();
        quantity.sendKeys("2");
        BrowserSupport.clickAndWaitForNextPage(member, member.findElement(By.xpath("//section[@class='ticket-types']//button[normalize-space()='Add to cart']")));
        assertThat(db.longOrMinusOne("SELECT sum(quantity) FROM cart_items WHERE user_id = ? AND item_type = 'ticket'", userId))
                .as("two tickets in the member's cart").isEqualTo(2);

        member.get(url("cart", "/"));
        assertThat(member.findElements(By.cssSelector("tr.cart-line"))).hasSize(1);
        assertThat(member.findElement(By.cssSelector(".cart-total")).getText()).isEqualTo("Total: £25.00");
        BrowserSupport.clickAndWaitForNextPage(member, member.findElement(By.cssSelector("form.cart-checkout button")));
        assertThat(member.getCurrentUrl()).startsWith(SharedPlatform.get().sumUp().baseUrl() + "/pay/");
        long orderId = db.longOrMinusOne("SELECT id FROM orders WHERE user_id = ? AND status = 'pending'", userId);
        assertThat(db.longOrMinusOne("SELECT count(*) FROM tickets t JOIN ticket_types y ON y.id = t.ticket_type_id"
                + " WHERE y.entry_id = ? AND t.state = 'issued'", entry)).as("nothing issued before payment").isZero();
        BrowserSupport.clickAndWaitForNextPage(member, member.findElement(By.id("pay")));
        new WebDriverWait(member, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("cart", "/orders/" + orderId)));
        assertThat(member.findElement(By.cssSelector("main .order [role=status]")).getText()).startsWith("Paid");

        // both tickets on account, each with its QR code and its code
        member.get(url("account", "/page/tickets"));
        List<WebElement> tickets = member.findElements(By.cssSelector(".account-tickets li.ticket"));
        assertThat(tickets).as("two tickets on account").hasSize(2);
        List<String> codes = new ArrayList<>();
        for (WebElement ticket : tickets) {
            assertThat(ticket.findElements(By.cssSelector("figure svg"))).as("a QR code").hasSize(1);
            String code = ticket.findElement(By.cssSelector("figcaption code")).getText();
            assertThat(code).matches("[A-Z2-7]{32}");
            codes.add(code);
        }
        assertThat(Set.copyOf(codes)).as("two different codes").hasSize(2);

        // the confirmation email shows both tickets too: each code (text part, written 8bit) and a QR code as an
        // inline image (cart's TicketMailTest decodes those images)
        String mail = confirmationMail(orderId);
        assertThat(mail).contains(codes.get(0), codes.get(1), "Content-Disposition: inline");

        // the admin checks one in; a second check-in of the same ticket is refused and says when the first was
        admin.get(url("events", "/admin/entries/" + entry + "/check-in"));
        type(admin, "code", codes.get(0));
        submit(admin, "Check in");
        assertThat(admin.findElement(By.cssSelector(".check-in-result")).getText()).contains("is checked in.");
        type(admin, "code", codes.get(0));
        submit(admin, "Check in");
        assertThat(admin.findElement(By.cssSelector(".check-in-result")).getText()).startsWith("Already checked in at");
        assertThat(db.longOrMinusOne("SELECT count(*) FROM tickets WHERE code = ? AND checked_in_at IS NOT NULL", codes.get(0))).isEqualTo(1);
        assertThat(db.longOrMinusOne("SELECT count(*) FROM tickets WHERE code = ? AND checked_in_at IS NOT NULL", codes.get(1))).isZero();
    }

    /** The sink's confirmation email of order {@code orderId} (waiting up to 20 s for it), as its raw text. */
    private static String confirmationMail(long orderId) throws Exception {
        for (int i = 0; i < 40; i++) {
            try (Stream<Path> files = Files.list(mailDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                    String eml = Files.readString(file);
                    if (eml.contains("/orders/" + orderId + "\r\n")) {
                        return eml;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no confirmation email of order " + orderId + " in " + mailDir);
    }

    /** A browser signed in as {@code email} on {@code service} with a magic link from the mail sink. */
    private static WebDriver signedIn(String email, String service) throws InterruptedException {
        WebDriver browser = BrowserSupport.open();
        browsers.add(browser);
        BrowserSupport.firstLoad(browser, url(service, "/"));
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-menu a.sign-in"))).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("email"))).sendKeys(email);
        Set<Path> before = MailedLinks.mailsNow(mailDir);
        browser.findElement(By.id("send-link")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));
        browser.get(MailedLinks.newSignInLink(mailDir, email, before));
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-menu .member-name")));
        return browser;
    }

    private static String url(String service, String path) {
        return platform.address(service).publicUrl() + path;
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement field = d.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Date and time fields take the keys of the browser's locale; setting the value is what a picker does. */
    private static void value(WebDriver d, String id, String value) {
        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static void submit(WebDriver d, String buttonText) {
        BrowserSupport.clickAndWaitForNextPage(d, d.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")));
    }
}
