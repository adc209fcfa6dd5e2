package coop.roseash.account.profile;

import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.shared.fragments.FragmentKey;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile: the display name (federation's, through the Members contract) and the email change by link. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProfileTest {

    @Inject
    EntityManager em;
    @Inject
    Members members;
    @Inject
    FragmentCache fragments;
    @Inject
    MockMailbox mailbox;

    /** A member row as federation writes it at a first sign-in; its id. */
    private long member(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "INSERT INTO users (email) VALUES (?1) RETURNING id").setParameter(1, email).getSingleResult()).longValue());
    }

    private static RequestSpecification as(long id, String email) {
        return given().redirects().follow(false).header(TestVisitors.HEADER, id + ":" + email + ":member");
    }

    private MemberRef stored(long id) {
        return members.byId(id).orElseThrow();
    }

    @Test
    void aNewNameIsStoredByFederationAndTheHeadersCachedMenuIsDropped() {
        String email = Fixtures.unique("ada") + "@example.org";
        long id = member(email);
        FragmentKey menu = FragmentCatalogue.AUTH_MENU.key(FragmentParams.of(Map.of("user_id", String.valueOf(id))));
        fragments.put(menu, "<nav>old name</nav>").await().indefinitely();
        assertThat(fragments.get(menu).await().indefinitely()).contains("old name");

        as(id, email).formParam("display_name", "  Ada Lovelace ").post("/profile/name").then().statusCode(303);

        assertThat(stored(id).displayName()).isEqualTo("Ada Lovelace");
        assertThat(fragments.get(menu).await().indefinitely()).as("cached auth-menu").isNull();
        String page = as(id, email).get("/profile").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).select("#display-name").val()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aTooLongNameIsRefusedAndNothingChanges() {
        String email = Fixtures.unique("long") + "@example.org";
        long id = member(email);
        String page = as(id, email).formParam("display_name", "x".repeat(81)).post("/profile/name")
                .then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(page).select("main .error").text()).contains("at most 80");
        assertThat(stored(id).displayName()).isNull();
    }

    @Test
    void anEmailChangeIsConfirmedByTheLinkToTheNewAddressAndTheOldOneIsTold() {
        String old = Fixtures.unique("old") + "@example.org";
        String fresh = Fixtures.unique("new") + "@example.org";
        long id = member(old);

        as(id, old).formParam("email", fresh).post("/profile/email").then().statusCode(303);
        assertThat(stored(id).email()).as("nothing before the confirmation").isEqualTo(old);
        List<Mail> sent = mailbox.getMailsSentTo(fresh);
        assertThat(sent).hasSize(1);
        Matcher link = Pattern.compile("https?://\\S+(/profile/email/confirm/\\S+)").matcher(sent.get(0).getText());
        assertThat(link.find()).isTrue();

        given().get(link.group(1)).then().statusCode(200);
        assertThat(stored(id).email()).as("opening the link only asks").isEqualTo(old);
        given().post(link.group(1)).then().statusCode(200);
        assertThat(stored(id).email()).isEqualTo(fresh);
        assertThat(mailbox.getMailsSentTo(old)).singleElement()
                .satisfies(m -> assertThat(m.getText()).contains("changed to " + fresh));

        given().post(link.group(1)).then().statusCode(404);
    }

    @Test
    void anAddressAnotherMemberHoldsIsRefusedAndNobodyIsMailed() {
        String mine = Fixtures.unique("mine") + "@example.org";
        String theirs = Fixtures.unique("theirs") + "@example.org";
        long id = member(mine);
        member(theirs);

        String page = as(id, mine).formParam("email", theirs.toUpperCase()).post("/profile/email")
                .then().statusCode(409).extract().asString();
        assertThat(Jsoup.parse(page).select("main .error").text()).contains("belongs to another member");
        assertThat(mailbox.getMailsSentTo(theirs)).isEmpty();
        assertThat(stored(id).email()).isEqualTo(mine);
    }

    @Test
    void visitorsAreSentToSignIn() {
        given().redirects().follow(false).get("/profile").then().statusCode(303);
        given().redirects().follow(false).formParam("display_name", "x").post("/profile/name").then().statusCode(303);
    }
}
