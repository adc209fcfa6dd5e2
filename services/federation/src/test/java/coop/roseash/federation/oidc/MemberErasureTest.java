package coop.roseash.federation.oidc;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.login.MagicLinks;
import coop.roseash.federation.login.MemberErasure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static coop.roseash.federation.oidc.MemberSessionsTest.claim;
import static coop.roseash.federation.oidc.OidcClientDriver.authorize;
import static coop.roseash.federation.oidc.OidcClientDriver.blogRequest;
import static coop.roseash.federation.oidc.OidcClientDriver.verifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * federation's handler of {@code member.deleted}: every session ends (Redis, refresh tokens, a logout token naming the
 * member to every client), the member row and what hangs off it go (sign-in links, session records, actor profile),
 * a second delivery changes nothing, and signing in again with the old address makes a new member.
 */
@QuarkusTest
@TestProfile(MemberSessionsTest.Profile.class)
@QuarkusTestResource(PlatformTestResource.class)
class MemberErasureTest {

    @Inject
    MagicLinks links;
    @Inject
    MemberErasure erasure;
    @Inject
    EntityManager em;

    private long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue());
    }

    @Test
    void theMemberIsErasedAndSignedOutEverywhere() {
        String email = "erase-me." + System.nanoTime() + "@example.org";
        OidcClientDriver driver = new OidcClientDriver(links);
        String session = driver.signIn(email);
        String verifier = verifier();
        JsonPath tokens = OidcClientDriver.exchange(driver.blogCode(session, verifier), verifier).jsonPath();
        long member = Long.parseLong(claim(tokens.getString("id_token"), "sub"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO actor_profiles (user_id, username,"
                + " public_key_pem, private_key_pem) VALUES (?1, ?2, 'pub', 'priv')")
                .setParameter(1, member).setParameter(2, "erase" + (System.nanoTime() % 100000)).executeUpdate());
        assertThat(count("SELECT count(*) FROM magic_links WHERE email = ?1", email)).isPositive();
        MemberSessionsTest.BLOG.tokens.clear();

        erasure.deliverNow(member);
        erasure.deliverNow(member); // the bus may deliver twice

        assertThat(count("SELECT count(*) FROM users WHERE id = ?1", member)).isZero();
        assertThat(count("SELECT count(*) FROM magic_links WHERE email = ?1", email)).isZero();
        assertThat(count("SELECT count(*) FROM actor_profiles WHERE user_id = ?1", member)).isZero();
        assertThat(count("SELECT count(*) FROM sign_on_sessions WHERE user_id = ?1", member)).isZero();
        assertThat(count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?1", member)).isZero();
        OidcClientDriver.refresh(tokens.getString("refresh_token")).then().statusCode(400);
        Response again = authorize(session, blogRequest(verifier()));
        assertThat(again.getHeader("Location")).as("the old browser session signs in nobody").doesNotContain("code=");
        assertThat(MemberSessionsTest.BLOG.tokens).as("blog was told the member's sessions all ended").isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(claim(t, "sub")).isEqualTo(Long.toString(member));
                    assertThat(claim(t, "sid")).isEqualTo("null");
                });

        String newVerifier = verifier();
        String newSession = driver.signIn(email);
        long newMember = Long.parseLong(claim(OidcClientDriver.exchange(driver.blogCode(newSession, newVerifier), newVerifier)
                .jsonPath().getString("id_token"), "sub"));
        assertThat(newMember).as("the old address makes a new member, with none of the old one's rows").isNotEqualTo(member);
        assertThat(count("SELECT count(*) FROM actor_profiles WHERE user_id = ?1", newMember)).isZero();
        given().get("/").then().statusCode(200);
    }
}
