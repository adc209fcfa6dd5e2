package coop.roseash.account.dashboard;

import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard shows the member's ActivityPub handle once they have an actor profile, else where to choose one; and
 * admins the page where fediverse deliveries that keep failing are listed.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FediverseHandleTest {

    @Inject
    Fixtures fixtures;
    @Inject
    EntityManager em;

    private Document dashboard(long id, String email) {
        return Jsoup.parse(given().header(TestVisitors.HEADER, id + ":" + email + ":member").get("/")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void aMemberWithoutAUsernameIsSentToChooseOne() {
        String email = Fixtures.unique("no-actor") + "@example.org";
        long id = fixtures.member(email, null);
        Document page = dashboard(id, email);
        assertThat(page.select("#choose-username").attr("href")).isEqualTo("http://federation.localhost:8005/choose-username");
        assertThat(page.select(".fediverse-handle")).isEmpty();
        assertThat(page.select("#deliveries-admin")).as("admin links are for admins").isEmpty();
    }

    @Test
    void anAdminIsLinkedToFederationsDeliveryTroublePage() {
        String email = Fixtures.unique("admin") + "@example.org";
        long id = fixtures.member(email, null);
        Document page = Jsoup.parse(given().header(TestVisitors.HEADER, id + ":" + email + ":admin").get("/")
                .then().statusCode(200).extract().asString());
        assertThat(page.select("#deliveries-admin").attr("href")).isEqualTo("http://federation.localhost:8005/admin/deliveries");
    }

    @Test
    void aMemberWithAnActorProfileSeesTheirHandle() {
        String email = Fixtures.unique("actor") + "@example.org";
        long id = fixtures.member(email, null);
        String username = "ada_" + (id % 100000);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO actor_profiles (user_id, username,"
                        + " public_key_pem, private_key_pem) VALUES (?1, ?2, 'pub', 'priv')")
                .setParameter(1, id).setParameter(2, username).executeUpdate());
        Document page = dashboard(id, email);
        assertThat(page.select(".fediverse-handle").text()).isEqualTo("@" + username + "@federation.localhost:8005");
        assertThat(page.select("#choose-username")).isEmpty();
    }
}
