package coop.roseash.account.unsubscribe;

import coop.roseash.account.support.Fixtures;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.account.Newsletter;
import coop.roseash.shared.model.account.Subscription;
import coop.roseash.shared.model.account.SubscriptionStatus;
import coop.roseash.account.newsletters.Newsletters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The unsubscribe link: one click from a mail client, a button in a browser, and nobody else's subscription. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OneClickUnsubscribeTest {

    private static final String ORIGIN = "http://account.localhost:8006";

    @Inject
    Fixtures fixtures;
    @Inject
    UnsubscribeTokens tokens;
    @Inject
    Newsletters newsletters;

    private String tokenOf(long subscriptionId) {
        Subscription s = fixtures.subscription(subscriptionId);
        return tokens.token(s.id, s.unsubscribeToken);
    }

    private SubscriptionStatus status(long id) {
        return fixtures.subscription(id).status;
    }

    @Test
    void aMailClientsBarePostUnsubscribesWithoutCookiesOrCsrfToken() {
        long newsletter = fixtures.newsletter();
        List<Long> subs = fixtures.subscribers(newsletter, Fixtures.unique("oneclick"), 2);

        // as RFC 8058 has mail clients send it: a form body, no cookies; an Origin as a webmail's browser would add
        given().header("Origin", "https://mail.example.net").contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe/" + tokenOf(subs.get(0)))
                .then().statusCode(200);

        assertThat(status(subs.get(0))).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        assertThat(status(subs.get(1))).as("the other subscriber").isEqualTo(SubscriptionStatus.SUBSCRIBED);
    }

    @Test
    void aBrowserSeesAButtonFirstAndTheClickUnsubscribes() {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("browser");
        List<Long> subs = fixtures.subscribers(newsletter, prefix, 1);
        String path = "/unsubscribe/" + tokenOf(subs.get(0));

        Document page = Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
        assertThat(page.select("main").text()).contains(prefix + "-0@example.org");
        assertThat(page.select("form[method=post][action=" + path + "] button#unsubscribe")).hasSize(1);
        assertThat(status(subs.get(0))).as("opening the link changes nothing").isEqualTo(SubscriptionStatus.SUBSCRIBED);

        String done = given().header("Origin", ORIGIN).contentType(ContentType.URLENC).post(path)
                .then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(done).select("main .notice").text()).contains("will receive no more");
        assertThat(status(subs.get(0))).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    }

    @Test
    void aForgedTokenOrOneForAnotherSubscriptionChangesNothing() {
        long newsletter = fixtures.newsletter();
        List<Long> subs = fixtures.subscribers(newsletter, Fixtures.unique("forged"), 2);
        String mine = tokenOf(subs.get(0));
        String mac = mine.substring(mine.indexOf('.') + 1);

        for (String forged : List.of(subs.get(1) + "." + mac, // my signature on someone else's id
                subs.get(0) + "." + mac.substring(1) + "A", "1.x", "nonsense", subs.get(1) + ".")) {
            given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                    .post("/unsubscribe/" + forged).then().statusCode(404);
            String page = given().get("/unsubscribe/" + forged).then().statusCode(404).extract().asString();
            assertThat(Jsoup.parse(page).select("main .error").text()).contains("not valid");
        }
        assertThat(status(subs.get(0))).isEqualTo(SubscriptionStatus.SUBSCRIBED);
        assertThat(status(subs.get(1))).isEqualTo(SubscriptionStatus.SUBSCRIBED);
    }

    @Test
    void aUsedTokenChangesNothingAndAnOldOneDiesWhenTheAddressSubscribesAgain() {
        long newsletter = fixtures.newsletter();
        String prefix = Fixtures.unique("again");
        List<Long> subs = fixtures.subscribers(newsletter, prefix, 1);
        String old = tokenOf(subs.get(0));
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post("/unsubscribe/" + old)
                .then().statusCode(200);

        // used again: already done, nothing to change
        String again = given().get("/unsubscribe/" + old).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(again).select("main .note").text()).contains("not subscribed");

        // the address subscribes again: the old link must not end the new subscription
        QuarkusTransaction.requiringNew().run(() ->
                newsletters.subscribe(Newsletter.findById(newsletter), prefix + "-0@example.org", null));
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post("/unsubscribe/" + old)
                .then().statusCode(404);
        assertThat(status(subs.get(0))).isEqualTo(SubscriptionStatus.SUBSCRIBED);
        assertThat(tokenOf(subs.get(0))).isNotEqualTo(old);
    }
}
