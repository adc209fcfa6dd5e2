package coop.roseash.account.newsletters;

import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.account.Subscription;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscribing and unsubscribing on the newsletters page, as a member and as a visitor (double opt-in). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NewsletterPagesTest {

    @Inject
    Fixtures fixtures;
    @Inject
    MockMailbox mailbox;

    private static long subscriptions(long newsletter, String email) {
        return QuarkusTransaction.requiringNew().call(() ->
                Subscription.count("newsletter.id = ?1 and email = ?2 and status = 'subscribed'", newsletter, email));
    }

    @Test
    void aMemberSubscribesAndUnsubscribesWithAButton() {
        long id = fixtures.newsletter();
        String member = "9100:" + Fixtures.unique("m") + "@example.org:member";
        String email = member.split(":")[1];

        given().header(TestVisitors.HEADER, member).redirects().follow(false)
                .post("/newsletters/" + id + "/subscribe").then().statusCode(303);
        assertThat(subscriptions(id, email)).isEqualTo(1);
        Document page = Jsoup.parse(given().header(TestVisitors.HEADER, member).get("/newsletters").asString());
        assertThat(page.select("form[action=/newsletters/" + id + "/unsubscribe]")).hasSize(1);

        given().header(TestVisitors.HEADER, member).redirects().follow(false)
                .post("/newsletters/" + id + "/unsubscribe").then().statusCode(303);
        assertThat(subscriptions(id, email)).isZero();
    }

    @Test
    void aVisitorConfirmsByTheMailedLinkWhichWorksOnce() {
        long id = fixtures.newsletter();
        String email = Fixtures.unique("visitor") + "@example.org";

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("email", " " + email.toUpperCase() + " ")
                .post("/newsletters/" + id + "/subscribe").then().statusCode(303);
        assertThat(subscriptions(id, email)).as("nothing before the confirmation").isZero();

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        Matcher link = Pattern.compile("https?://\\S+(/newsletters/confirm/\\S+)").matcher(mails.get(0).getText());
        assertThat(link.find()).isTrue();
        String path = link.group(1);

        given().get(path).then().statusCode(200);
        assertThat(subscriptions(id, email)).as("opening the link only asks").isZero();
        given().post(path).then().statusCode(200);
        assertThat(subscriptions(id, email)).isEqualTo(1);

        given().post(path).then().statusCode(404);
        given().post("/newsletters/confirm/forged-token").then().statusCode(404);
        assertThat(subscriptions(id, email)).isEqualTo(1);
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() {
        long id = fixtures.newsletter();
        String page = given().contentType(ContentType.URLENC).formParam("email", "not-an-address")
                .post("/newsletters/" + id + "/subscribe").then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(page).select("main .error").text()).contains("Enter an email address");

        given().header(TestVisitors.HEADER, "9101:x@example.org:member").redirects().follow(false)
                .post("/newsletters/987654321/subscribe").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Subscription.count("email", "x@example.org"))).isZero();
    }

    @Test
    void theFormsCarryTheirCsrfTokenAndABrowserPostWithoutItIsRefused() {
        long id = fixtures.newsletter();
        Document page = Jsoup.parse(given().get("/newsletters").asString());
        assertThat(page.select("form[action=/newsletters/" + id + "/subscribe] input[name=_csrf]")).hasSize(1);

        given().header("Origin", "http://account.localhost:8006").contentType(ContentType.URLENC)
                .formParam("email", "csrf@example.org").post("/newsletters/" + id + "/subscribe")
                .then().statusCode(403);
        assertThat(mailbox.getMailsSentTo("csrf@example.org")).isEmpty();
    }
}
