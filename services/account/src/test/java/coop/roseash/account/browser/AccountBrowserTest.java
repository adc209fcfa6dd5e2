package coop.roseash.account.browser;

import coop.roseash.account.issues.Issues;
import coop.roseash.account.sending.DeliveryWorker;
import coop.roseash.account.sending.SendStarter;
import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.federation.Members;
import coop.roseash.shared.model.account.Subscription;
import coop.roseash.shared.model.account.SubscriptionStatus;
import coop.roseash.shared.testing.Accessibility;
import coop.roseash.shared.testing.BrowserSupport;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member in Chromium: changes their display name, subscribes to a newsletter, receives an issue (the mock mail
 * sink), unsubscribes from the link in it without being signed in. Sign-in is stood in for by
 * {@link TestVisitors}' cookie (the real sign-in across services is e2e-tests' business); axe checks every page.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccountBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;
    @Inject
    Fixtures fixtures;
    @Inject
    Issues issues;
    @Inject
    SendStarter starter;
    @Inject
    DeliveryWorker worker;
    @Inject
    MockMailbox mailbox;
    @Inject
    Members members;

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return BrowserSupport.root(base) + path;
    }

    private static void waitForText(WebDriver d, String text) {
        new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(w -> w.findElement(By.tagName("main")).getText().contains(text));
    }

    @Test
    void aMemberRenamesSubscribesReceivesAnIssueAndUnsubscribesFromItsLink() throws Exception {
        String email = Fixtures.unique("browser") + "@example.org";
        long userId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "INSERT INTO users (email) VALUES (?1) RETURNING id").setParameter(1, email).getSingleResult()).longValue());
        long newsletter = fixtures.newsletter();

        driver = BrowserSupport.open();
        BrowserSupport.firstLoad(driver, url("/"));
        driver.manage().addCookie(new Cookie(TestVisitors.COOKIE, userId + ":" + email + ":member"));

        // the profile: a new display name
        driver.get(url("/profile"));
        Accessibility.assertAccessible(driver);
        var name = driver.findElement(By.id("display-name"));
        name.clear();
        name.sendKeys("Grace Hopper");
        BrowserSupport.clickAndWaitForNextPage(driver, driver.findElement(By.id("save-name")));
        waitForText(driver, "every page's header shows your new name");
        assertThat(driver.findElement(By.id("display-name")).getAttribute("value")).isEqualTo("Grace Hopper");
        assertThat(members.byId(userId).orElseThrow().displayName()).isEqualTo("Grace Hopper");

        // the newsletters page: subscribe with a button
        driver.get(url("/newsletters"));
        Accessibility.assertAccessible(driver);
        BrowserSupport.clickAndWaitForNextPage(driver, driver.findElement(By.cssSelector(
                "form[action='/newsletters/" + newsletter + "/subscribe'] button")));
        waitForText(driver, "Subscribed");

        // an admin sends an issue; it lands in the mail sink
        long issue = issues.create(newsletter, "Browser news", "<p>Read me in a browser</p>").id();
        starter.start(issue);
        worker.drain();
        List<Mail> got = mailbox.getMailsSentTo(email);
        assertThat(got).hasSize(1);
        String header = got.get(0).getHeaders().get("List-Unsubscribe").get(0);
        String link = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);
        assertThat(got.get(0).getHtml()).contains(link);

        // the link from the email, in a browser that is not signed in
        driver.manage().deleteAllCookies();
        // a new connection without cookies: Chromium here now and then refuses such a first one (see firstLoad)
        BrowserSupport.firstLoad(driver, url(link));
        Accessibility.assertAccessible(driver);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(email);
        BrowserSupport.clickAndWaitForNextPage(driver, driver.findElement(By.id("unsubscribe")));
        waitForText(driver, "will receive no more");
        Accessibility.assertAccessible(driver);

        SubscriptionStatus status = QuarkusTransaction.requiringNew().call(() ->
                Subscription.<Subscription>find("newsletter.id = ?1 and email = ?2", newsletter, email).firstResult().status);
        assertThat(status).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    }
}
