package coop.roseash.events.browser;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.events.support.TestVisitors;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.events.Ticket;
import coop.roseash.shared.services.events.TicketOfferSource;
import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, as people would: an admin makes a calendar on a page, a weekly slot, an entry with a ticket type and
 * confirms it; the member (whose two tickets the cart's checkout would issue: here the offer source is called as
 * checkout does) sees them with QR codes; the admin checks one in at the door by typing its code, and a second try
 * is refused. Every page is checked with axe.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EventsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TicketOfferSource tickets;

    private final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    private WebDriver browser(String visitor) {
        WebDriver d = BrowserSupport.open();
        drivers.add(d);
        BrowserSupport.firstLoad(d, url("/"));
        d.manage().addCookie(new Cookie(TestVisitors.COOKIE, visitor));
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

    private static void submit(WebDriver d, String buttonText) {
        BrowserSupport.clickAndWaitForNextPage(d,
                d.findElement(By.xpath("//main//button[normalize-space()='" + buttonText + "']")));
    }

    /** A date field takes the keys of the browser's locale; setting its value is what a date picker does. */
    private static void date(WebDriver d, String id, LocalDate value) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value.toString());
    }

    private static void time(WebDriver d, String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value);
    }

    @Test
    void anAdminSetsUpAnEventAndChecksATicketInOnce() throws Exception {
        long page = Fixtures.page(true);
        WebDriver admin = browser(TestVisitors.ADMIN);
        admin.get(url("/admin"));
        Accessibility.assertAccessible(admin);
        type(admin, "c-page", String.valueOf(page));
        type(admin, "c-name", "Village hall");
        type(admin, "c-slug", "village-hall");
        submit(admin, "Create calendar");
        assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo("Village hall");
        Accessibility.assertAccessible(admin);

        new org.openqa.selenium.support.ui.Select(admin.findElement(By.id("s-day"))).selectByVisibleText("Saturday");
        time(admin, "s-start", "10:00");
        time(admin, "s-end", "12:00");
        type(admin, "s-label", "Saturday market");
        submit(admin, "Add slot");
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Saturday market");

        LocalDate day = LocalDate.now().plusDays(14);
        type(admin, "e-title", "Ceilidh");
        date(admin, "e-date", day);
        time(admin, "e-start", "19:00");
        time(admin, "e-end", "23:00");
        admin.findElement(By.name("public")).click();
        submit(admin, "Add entry");
        assertThat(admin.findElement(By.cssSelector(".entry-state")).getText()).isEqualTo("pending");
        Accessibility.assertAccessible(admin);
        submit(admin, "Make confirmed");
        assertThat(admin.findElement(By.cssSelector(".entry-state")).getText()).isEqualTo("confirmed");

        type(admin, "t-name", "Adult");
        type(admin, "t-price", "12.50");
        type(admin, "t-cap", "80");
        submit(admin, "Add ticket type");
        assertThat(admin.findElement(By.tagName("main")).getText()).contains("Adult", "£12.50");
        String entryPath = new java.net.URI(admin.getCurrentUrl()).getPath();
        long entry = Long.parseLong(entryPath.replaceAll(".*/admin/entries/(\\d+).*", "$1"));

        // the public month view shows the entry, reachable by its link
        admin.get(url("/calendars/" + Fixtures.count("SELECT calendar_id FROM calendar_entries WHERE id = ?1", entry)
                + "/month/" + java.time.YearMonth.from(day)));
        Accessibility.assertAccessible(admin);
        BrowserSupport.clickAndWaitForNextPage(admin, admin.findElement(By.linkText("Ceilidh")));
        assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo("Ceilidh");

        // the member's two tickets, as the cart's checkout and payment would make them
        long type = Fixtures.count("SELECT id FROM ticket_types WHERE entry_id = ?1", entry);
        OrderLine line = new OrderLine(424242, "ticket", type, 2, Identity.member(9002));
        QuarkusTransaction.requiringNew().run(() -> tickets.reserve(line));
        QuarkusTransaction.requiringNew().run(() -> tickets.confirm(line));

        WebDriver member = browser(TestVisitors.MEMBER);
        member.get(url("/tickets"));
        Accessibility.assertAccessible(member);
        assertThat(member.findElements(By.cssSelector("ul.ticket-list li"))).hasSize(2);
        BrowserSupport.clickAndWaitForNextPage(member, member.findElements(By.cssSelector("ul.ticket-list a")).get(0));
        assertThat(member.findElement(By.cssSelector("svg.ticket-qr")).isDisplayed()).isTrue();
        Accessibility.assertAccessible(member);
        String code = member.findElement(By.cssSelector("figcaption code")).getText();
        assertThat(code).matches("[A-Z2-7]{32}");

        admin.get(url("/admin/entries/" + entry + "/check-in"));
        Accessibility.assertAccessible(admin);
        type(admin, "code", code);
        submit(admin, "Check in");
        assertThat(admin.findElement(By.cssSelector(".check-in-result")).getText()).contains("is checked in.");
        type(admin, "code", code);
        submit(admin, "Check in");
        assertThat(admin.findElement(By.cssSelector(".check-in-result")).getText()).startsWith("Already checked in at");
        Accessibility.assertAccessible(admin);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                Ticket.count("code = ?1 and checkedInAt is not null", code))).isEqualTo(1);
    }
}
