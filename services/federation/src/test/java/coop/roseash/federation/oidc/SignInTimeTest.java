package coop.roseash.federation.oidc;

import coop.roseash.federation.login.FederationSessions;

import com.nimbusds.jwt.SignedJWT;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.MagicLinks;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static coop.roseash.federation.oidc.OidcClientDriver.BLOG_REDIRECT;
import static coop.roseash.federation.oidc.OidcClientDriver.authorize;
import static coop.roseash.federation.oidc.OidcClientDriver.blogRequest;
import static coop.roseash.federation.oidc.OidcClientDriver.exchange;
import static coop.roseash.federation.oidc.OidcClientDriver.query;
import static coop.roseash.federation.oidc.OidcClientDriver.refresh;
import static coop.roseash.federation.oidc.OidcClientDriver.verifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's sign-in time (auth_time): prompt=login and max_age (OIDC Core §3.1.2.1) ask for a sign-in again even
 * when federation has a session, the flow then goes on to the client, and refreshed ID tokens keep the sign-in time.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class SignInTimeTest {
    private static final String LOGIN = "/auth/login?continue=";

    @Inject
    MagicLinks links;
    @Inject
    RedisDataSource redis;

    OidcClientDriver driver;
    String email;
    String session;

    @BeforeEach
    void signIn() {
        driver = new OidcClientDriver(links);
        email = "auth-time." + System.nanoTime() + "@example.org";
        session = driver.signIn(email);
    }

    /** Makes the session's sign-in {@code age} old; returns the sign-in time it now has. */
    private long signedInAgo(String sessionId, Duration age) {
        String key = FederationSessions.key(sessionId);
        String stored = redis.value(String.class).get(key);
        long authTime = Instant.now().minus(age).getEpochSecond();
        redis.value(String.class).setex(key, 3600, stored.substring(0, stored.indexOf(':')) + ":" + authTime);
        return authTime;
    }

    private static long authTime(Response tokens) throws Exception {
        tokens.then().statusCode(200);
        return SignedJWT.parse(tokens.jsonPath().getString("id_token")).getJWTClaimsSet().getLongClaim("auth_time");
    }

    @Test
    void promptLoginAsksAgainDespiteTheSessionThenGoesOnToTheClient() throws Exception {
        reauthenticates("prompt", "login");
    }

    @Test
    void maxAgeZeroAsksAgainLikePromptLogin() throws Exception {
        reauthenticates("max_age", "0");
    }

    @Test
    void aSignInOlderThanMaxAgeAsksAgain() throws Exception {
        signedInAgo(session, Duration.ofHours(1));
        reauthenticates("max_age", "600");
    }

    private void reauthenticates(String name, String value) throws Exception {
        String verifier = verifier();
        Map<String, String> request = blogRequest(verifier);
        request.put(name, value);
        long asked = Instant.now().getEpochSecond();
        Response toLogin = authorize(session, request);
        assertThat(toLogin.statusCode()).as(toLogin.asString()).isEqualTo(303);
        String login = toLogin.getHeader("Location");
        assertThat(login).as("sent to sign in").contains(LOGIN);

        // the sign-in form, not a shortcut back to the request with the old session
        Response form = given().redirects().follow(false).urlEncodingEnabled(false).cookie("federation_session", session)
                .get(login.substring(login.indexOf("/auth/login")));
        assertThat(form.statusCode()).as("sign-in page with a session").isEqualTo(200);
        assertThat(form.asString()).contains("name=\"email\"");

        // the magic link signs in again and returns to the authorization request, which now answers the client
        String resume = URLDecoder.decode(login.substring(login.indexOf(LOGIN) + LOGIN.length()), StandardCharsets.UTF_8);
        String nonce = OpaqueTokens.random();
        String token = links.create(email, resume, nonce);
        Response signedIn = given().redirects().follow(false).cookie("federation_login", nonce)
                .cookie("federation_session", session).get("/auth/magic?token=" + token);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String fresh = signedIn.getCookie("federation_session");
        assertThat(fresh).as("the same session (its sid, which the clients hold), signed in again").isEqualTo(session);
        String back = signedIn.getHeader("Location");
        Response answer = given().redirects().follow(false).urlEncodingEnabled(false).cookie("federation_session", fresh)
                .get(back.substring(back.indexOf("/oauth/authorize")));
        assertThat(answer.getHeader("Location")).as(answer.statusCode() + " " + answer.asString()).startsWith(BLOG_REDIRECT + "?");
        Map<String, String> q = query(answer);
        assertThat(q).containsEntry("state", request.get("state")).containsKey("code");
        assertThat(authTime(exchange(q.get("code"), verifier))).as("auth_time is the new sign-in").isGreaterThanOrEqualTo(asked);
    }

    @Test
    void aSignInWithinMaxAgeNeedsNoNewOneAndTheIdTokenSaysWhen() throws Exception {
        long signedIn = signedInAgo(session, Duration.ofMinutes(5));
        String verifier = verifier();
        Map<String, String> request = blogRequest(verifier);
        request.put("max_age", "600");
        Map<String, String> answer = query(authorize(session, request));
        assertThat(answer).containsKey("code");
        assertThat(authTime(exchange(answer.get("code"), verifier))).isEqualTo(signedIn);
    }

    @Test
    void silentRequestsCannotSignInAgain() {
        signedInAgo(session, Duration.ofHours(1));
        Map<String, String> tooOld = blogRequest(verifier());
        tooOld.put("prompt", "none");
        tooOld.put("max_age", "60");
        assertThat(query(authorize(session, tooOld))).containsEntry("error", "login_required").doesNotContainKey("code");

        Map<String, String> both = blogRequest(verifier());
        both.put("prompt", "none login");
        assertThat(query(authorize(session, both))).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void malformedMaxAgeIsAnInvalidRequest() {
        for (String bad : new String[]{"-1", "ten", "99999999999999999999999"}) {
            Map<String, String> request = blogRequest(verifier());
            request.put("max_age", bad);
            Response r = authorize(session, request);
            assertThat(r.getHeader("Location")).as(bad).startsWith(BLOG_REDIRECT + "?");
            assertThat(query(r)).as(bad).containsEntry("error", "invalid_request").doesNotContainKey("code");
        }
    }

    @Test
    void refreshedIdTokensKeepTheOriginalSignInTime() throws Exception {
        long signedIn = signedInAgo(session, Duration.ofHours(2));
        String verifier = verifier();
        Response tokens = exchange(driver.blogCode(session, verifier), verifier);
        assertThat(authTime(tokens)).isEqualTo(signedIn);
        Response once = refresh(tokens.jsonPath().getString("refresh_token"));
        assertThat(authTime(once)).as("first refresh").isEqualTo(signedIn);
        Response twice = refresh(once.jsonPath().getString("refresh_token"));
        assertThat(authTime(twice)).as("second refresh").isEqualTo(signedIn);
    }
}
