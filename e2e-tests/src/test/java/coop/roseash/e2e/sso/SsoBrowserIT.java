package coop.roseash.e2e.sso;

import coop.roseash.shared.testing.BrowserSupport;

import coop.roseash.e2e.MailedLinks;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on as a member meets it, in Debian's headless Chromium against the six packaged
 * services: sign in on blog with a magic link read from the mail sink; market, cart, events and
 * account know the member without a click; signing out on cart signs out of blog too.
 */
@ExtendWith(SharedPlatform.class)
@Order(1)
class SsoBrowserIT {

    private static RunningPlatform platform;
    private static TestDatabase db;
    private static WebDriver browser;
    private static Path mailDir;

    @BeforeAll
    static void start() {
        BrowserSupport.requireBrowser();
        SharedPlatform shared = SharedPlatform.get();
        platform = shared.platform();
        db = shared.database();
        mailDir = shared.mailDir();
        browser = BrowserSupport.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String url(String service) {
        return platform.address(service).publicUrl() + "/";
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void assertSignedInAs(String service, String name) {
        waiting().until(ExpectedConditions.urlToBe(url(service)));
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-menu .member-name")))
                .getAttribute("textContent")).as(service).isEqualTo(name);
        assertThat(browser.findElements(By.cssSelector(".auth-menu a.sign-in"))).as(service).isEmpty();
    }

    private static void assertSignedOut(String service) {
        // after signing out Quarkus OIDC lands on "/?state=..." (its post-logout check)
        waiting().until(d -> d.getCurrentUrl().startsWith(url(service)));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-menu a.sign-in")));
        assertThat(browser.findElements(By.cssSelector(".auth-menu .member-name"))).as(service).isEmpty();
    }

    /** Login activities published for this member (written by the client service right after the callback). */
    private static int loginActivities(String email) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var q = c.prepareStatement("""
                     SELECT count(*) FROM ap_activities a JOIN users u ON a.actor = 'users/' || u.id
                     WHERE a.type = 'Login' AND u.email = ? AND a.object ->> 'device_id' IS NOT NULL""")) {
            q.setString(1, email);
            while (true) {
                try (var rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0 || System.currentTimeMillis() > deadline) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void signInOnceSignedInEverywhereSignOutEverywhere() throws Exception {
        String email = "member." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String name = email.substring(0, email.indexOf('@'));

        browser.get(url("blog"));
        assertSignedOut("blog");
        browser.findElement(By.cssSelector(".auth-menu a.sign-in")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("email"))).sendKeys(email);
        browser.findElement(By.id("send-link")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));

        browser.get(MailedLinks.await(mailDir, email));
        assertSignedInAs("blog", name);
        assertThat(loginActivities(email)).as("a Login activity lets services adopt what the device collected").isPositive();

        for (String service : new String[]{"market", "cart", "events", "account"}) {
            browser.get(url(service));
            assertSignedInAs(service, name);
        }

        browser.get(url("cart"));
        assertSignedInAs("cart", name);
        browser.findElement(By.cssSelector(".auth-menu .member-name")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-menu a.sign-out"))).click();
        assertSignedOut("cart");

        browser.get(url("blog"));
        assertSignedOut("blog");
    }
}
