package coop.roseash.federation.oidc;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.MagicLinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static coop.roseash.federation.oidc.OidcClientDriver.BLOG_REDIRECT;
import static coop.roseash.federation.oidc.OidcClientDriver.authorize;
import static coop.roseash.federation.oidc.OidcClientDriver.blogRequest;
import static coop.roseash.federation.oidc.OidcClientDriver.verifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-out without an id_token_hint (anyone can make a browser open that URL) only asks; the page's CSRF-checked
 * form ends the session. With a valid hint the client's request signs out at once
 * ({@code AuthorizationServerTest#endSessionSignsOutAndRevokesTheSessionsTokens}).
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class SignOutConfirmationTest {
    private static final String BLOG_HOME = "http://blog.localhost:8001/";

    @Inject
    MagicLinks links;

    String session;

    @BeforeEach
    void signIn() {
        session = new OidcClientDriver(links).signIn("sign-out." + System.nanoTime() + "@example.org");
    }

    private static boolean signedIn(String session) {
        Response r = authorize(session, blogRequest(verifier()));
        return r.getHeader("Location") != null && r.getHeader("Location").startsWith(BLOG_REDIRECT + "?code=");
    }

    @Test
    void aGetWithoutHintOnlyAsksAndTheConfirmedPostSignsOut() {
        FormPage confirm = FormPage.get("/oauth/logout?client_id=blog&post_logout_redirect_uri="
                + AuthorizationRequest.enc(BLOG_HOME) + "&state=bye", session);
        assertThat(confirm.page().statusCode()).isEqualTo(200);
        assertThat(confirm.page().getCookie("federation_session")).as("the cookie is kept").isNull();
        String page = confirm.page().asString();
        assertThat(page).contains("method=\"post\"").contains("action=\"/oauth/logout\"")
                .contains("name=\"post_logout_redirect_uri\" value=\"" + BLOG_HOME + "\"")
                .contains("name=\"client_id\" value=\"blog\"").contains("name=\"state\" value=\"bye\"");
        assertThat(confirm.csrfToken()).isNotBlank();
        assertThat(signedIn(session)).as("a GET does not sign out").isTrue();

        Response confirmed = confirm.submit("/oauth/logout",
                Map.of("client_id", "blog", "post_logout_redirect_uri", BLOG_HOME, "state", "bye"), session);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.getHeader("Location")).isEqualTo(BLOG_HOME + "?state=bye");
        assertThat(signedIn(session)).as("the confirmed POST signs out").isFalse();
    }

    @Test
    void aForgedPostDoesNotSignOut() {
        FormPage confirm = FormPage.get("/oauth/logout", session);
        // from another site, without the page's token
        Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .cookie("federation_session", session).formParam("client_id", "blog").post("/oauth/logout");
        assertThat(forged.statusCode()).isIn(200, 403);
        assertThat(signedIn(session)).as("a post without the token").isTrue();
        // with a token that is not the browser's
        Response wrongToken = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("federation_session", session).cookie("roseash-csrf", confirm.csrfCookie())
                .formParam("_csrf", "not-the-token").post("/oauth/logout");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(signedIn(session)).as("a post with a wrong token").isTrue();
        // the token but not its cookie (the cookie is the browser's proof)
        Response noCookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("federation_session", session).formParam("_csrf", confirm.csrfToken()).post("/oauth/logout");
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(signedIn(session)).as("a post with a token and no cookie").isTrue();

        Response confirmed = confirm.submit("/oauth/logout", Map.of(), session);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.asString()).contains("You are signed out");
        assertThat(signedIn(session)).isFalse();
    }

    @Test
    void theConfirmationStillRefusesUnregisteredReturnAddresses() {
        Response r = given().redirects().follow(false).cookie("federation_session", session)
                .queryParam("client_id", "blog").queryParam("post_logout_redirect_uri", "http://evil.example/")
                .get("/oauth/logout");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.getHeader("Location")).isNull();
        FormPage confirm = FormPage.get("/oauth/logout", session);
        Response posted = confirm.submit("/oauth/logout",
                Map.of("client_id", "blog", "post_logout_redirect_uri", "http://evil.example/"), session);
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.getHeader("Location")).isNull();
        assertThat(signedIn(session)).isTrue();
    }

    @Test
    void anIdTokenOfAnotherMemberOnlyAsks() {
        OidcClientDriver driver = new OidcClientDriver(links);
        String other = driver.signIn("someone-else." + System.nanoTime() + "@example.org");
        String verifier = verifier();
        String othersIdToken = OidcClientDriver.exchange(driver.blogCode(other, verifier), verifier).jsonPath().getString("id_token");
        Response r = given().redirects().follow(false).cookie("federation_session", session)
                .queryParam("id_token_hint", othersIdToken).get("/oauth/logout");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("action=\"/oauth/logout\"");
        assertThat(signedIn(session)).isTrue();
    }
}
