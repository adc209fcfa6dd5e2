package coop.roseash.account.deletion;

import coop.roseash.account.newsletters.Newsletters;
import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting the account: a link to the member's address (opening it only asks; it works once, for an hour); confirming
 * erases account's rows about the member, publishes {@code member.deleted} naming only their id, and refuses their
 * export from then on; signing up again with the old address finds none of the old data.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccountDeletionTest {

    @Inject
    EntityManager em;
    @Inject
    Fixtures fixtures;
    @Inject
    Newsletters newsletters;
    @Inject
    MockMailbox mailbox;

    private long member(String email) {
        return fixtures.member(email, "Delete Me");
    }

    private long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue());
    }

    private static RequestSpecification as(long id, String email) {
        return given().redirects().follow(false).header(TestVisitors.HEADER, id + ":" + email + ":member");
    }

    /** Asks for the deletion; the path of the link mailed to {@code email}. */
    private String askToDelete(long id, String email) {
        as(id, email).post("/profile/delete").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("done=delete-sent"));
        List<Mail> sent = mailbox.getMailsSentTo(email);
        assertThat(sent).isNotEmpty();
        Matcher link = Pattern.compile("https?://\\S+(/delete/confirm/\\S+)").matcher(sent.get(sent.size() - 1).getText());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void theLinkDeletesOnceAndAccountsDataAboutTheMemberGoes() {
        String email = Fixtures.unique("leaving") + "@example.org";
        String other = Fixtures.unique("staying") + "@example.org";
        long id = member(email);
        long otherId = member(other);
        long newsletter = fixtures.newsletter();
        newsletters.subscribeMember(newsletter, id, email);
        newsletters.subscribeMember(newsletter, otherId, other);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO email_changes (user_id, old_email,"
                        + " new_email, token_hash, expires_at) VALUES (?1, ?2, 'x@example.org', ?3, now() + interval '1 hour')")
                .setParameter(1, id).setParameter(2, email).setParameter(3, Fixtures.unique("hash")).executeUpdate());

        String link = askToDelete(id, email);
        assertThat(mailbox.getMailsSentTo(email).get(0).getSubject()).contains("deletion");
        String ask = given().get(link).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(ask).select("form[action=\"" + link + "\"] #confirm-delete")).hasSize(1);
        assertThat(count("SELECT count(*) FROM subscriptions WHERE user_id = ?1", id)).as("opening the link only asks").isEqualTo(1);

        String done = given().post(link).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(done).select("#account-deleted").text()).contains("deleted");
        assertThat(count("SELECT count(*) FROM subscriptions WHERE email = ?1", email)).isZero();
        assertThat(count("SELECT count(*) FROM email_changes WHERE user_id = ?1", id)).isZero();
        assertThat(count("SELECT count(*) FROM account_deletions WHERE email = ?1", email)).as("the address is wiped").isZero();
        assertThat(count("SELECT count(*) FROM subscriptions WHERE user_id = ?1", otherId)).as("another member's").isEqualTo(1);
        String event = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT object::text FROM ap_activities WHERE type = 'member.deleted' AND actor = ?1")
                .setParameter(1, "users/" + id).getSingleResult());
        assertThat(JsonPath.from(event).getLong("user_id")).isEqualTo(id);
        assertThat(event).as("the bus keeps no address").doesNotContain(email).doesNotContain("Delete Me");

        given().post(link).then().statusCode(404);
        given().get(link).then().statusCode(404);
        as(id, email).get("/export.json").then().statusCode(410);
    }

    @Test
    void anExpiredLinkDeletesNothing() {
        String email = Fixtures.unique("slow") + "@example.org";
        long id = member(email);
        newsletters.subscribeMember(fixtures.newsletter(), id, email);
        String link = askToDelete(id, email);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE account_deletions SET expires_at = now() - interval '1 minute' WHERE user_id = ?1")
                .setParameter(1, id).executeUpdate());

        given().post(link).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM subscriptions WHERE user_id = ?1", id)).isEqualTo(1);
        as(id, email).get("/export.json").then().statusCode(200);
        given().post("/delete/confirm/forged-token").then().statusCode(404);
    }

    @Test
    void signingUpAgainWithTheOldAddressFindsNoneOfTheOldData() {
        String email = Fixtures.unique("again") + "@example.org";
        long id = member(email);
        newsletters.subscribeMember(fixtures.newsletter(), id, email);
        given().post(askToDelete(id, email)).then().statusCode(200);
        // federation's handler erases the member row; a first sign-in with the old address then makes a new member
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM users WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
        long newId = member(email);

        JsonPath export = JsonPath.from(as(newId, email).get("/export.json").then().statusCode(200).extract().asString());
        assertThat(export.getLong("member.id")).isEqualTo(newId);
        assertThat(export.getList("newsletterSubscriptions")).isEmpty();
        assertThat(export.getList("emailChanges")).isEmpty();
        as(id, email).get("/export.json").then().statusCode(410);
    }

    @Test
    void visitorsCannotAskAndAForgedPostChangesNothing() {
        given().redirects().follow(false).post("/profile/delete").then().statusCode(303);
        String email = Fixtures.unique("forged") + "@example.org";
        long id = member(email);
        as(id, email).header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .post("/profile/delete").then().statusCode(403);
        assertThat(mailbox.getMailsSentTo(email)).isEmpty();
    }
}
