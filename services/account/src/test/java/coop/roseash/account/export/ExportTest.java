package coop.roseash.account.export;

import coop.roseash.account.newsletters.Newsletters;
import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The member's data download: their own rows, nobody else's. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ExportTest {

    @Inject
    EntityManager em;
    @Inject
    Fixtures fixtures;
    @Inject
    Newsletters newsletters;

    private long member(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "INSERT INTO users (email, display_name) VALUES (?1, 'Export Me') RETURNING id")
                .setParameter(1, email).getSingleResult()).longValue());
    }

    @Test
    void aMemberDownloadsTheirOwnDataAndNoOneElses() {
        String mine = Fixtures.unique("export") + "@example.org";
        String theirs = Fixtures.unique("other") + "@example.org";
        long me = member(mine);
        long other = member(theirs);
        long newsletter = fixtures.newsletter();
        newsletters.subscribeMember(newsletter, me, mine);
        newsletters.subscribeMember(newsletter, other, theirs);

        String body = given().header(TestVisitors.HEADER, me + ":" + mine + ":member").get("/export.json")
                .then().statusCode(200).header("Content-Disposition", "attachment; filename=\"rose-ash-account.json\"")
                .extract().asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getString("member.email")).isEqualTo(mine);
        assertThat(json.getString("member.displayName")).isEqualTo("Export Me");
        assertThat(json.getList("newsletterSubscriptions.email")).containsExactly(mine);
        assertThat(json.getList("notIncluded")).isNotEmpty();
        assertThat(body).doesNotContain(theirs);
    }

    @Test
    void visitorsAreSentToSignIn() {
        given().redirects().follow(false).get("/export.json").then().statusCode(303);
    }
}
