package coop.roseash.federation.oidc;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed request gets the RFC 6749 / OIDC error answer: never a 500, never a redirect elsewhere. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class MalformedRequestsTest {

    private static Response token(String contentType, String body) {
        return given().auth().preemptive().basic("blog", SsoTestProfile.BLOG_SECRET)
                .contentType(contentType).body(body).post("/oauth/token");
    }

    private static void assertOAuthError(Response r, int status, String error) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.jsonPath().getString("error")).isEqualTo(error);
        assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void tokenEndpoint() {
        String form = "application/x-www-form-urlencoded";
        assertOAuthError(token(form, ""), 400, "invalid_request");
        assertOAuthError(token(form, "grant_type=password&username=a&password=b"), 400, "unsupported_grant_type");
        assertOAuthError(token(form, "grant_type=authorization_code"), 400, "invalid_request");
        assertOAuthError(token(form, "grant_type=authorization_code&code=nope&redirect_uri=x"), 400, "invalid_grant");
        assertOAuthError(token(form, "grant_type=refresh_token&refresh_token=nope"), 400, "invalid_grant");
        assertOAuthError(token(form, "grant_type=refresh_token&grant_type=refresh_token&refresh_token=x"), 400, "invalid_request");
        assertOAuthError(token("application/json", "{\"grant_type\":\"authorization_code\"}"), 400, "invalid_request");
        assertOAuthError(token(form, "grant_type=authorization_code&code=%ZZ"), 400, "invalid_request");

        Response wrongSecret = given().auth().preemptive().basic("blog", "wrong").contentType(form)
                .body("grant_type=refresh_token&refresh_token=x").post("/oauth/token");
        assertOAuthError(wrongSecret, 401, "invalid_client");
        assertThat(wrongSecret.getHeader("WWW-Authenticate")).startsWith("Basic");
        assertOAuthError(given().contentType(form).body("grant_type=refresh_token&refresh_token=x").post("/oauth/token"),
                401, "invalid_client");
        assertOAuthError(given().contentType(form).body("grant_type=refresh_token&refresh_token=x&client_id=nobody")
                .post("/oauth/token"), 401, "invalid_client");
        assertOAuthError(given().header("Authorization", "Basic !!!").contentType(form).body("grant_type=refresh_token")
                .post("/oauth/token"), 401, "invalid_client");
        assertOAuthError(given().auth().preemptive().basic("blog", SsoTestProfile.BLOG_SECRET).contentType(form)
                .body("grant_type=refresh_token&client_secret=" + SsoTestProfile.BLOG_SECRET).post("/oauth/token"), 400, "invalid_request");
    }

    @Test
    void authorizationEndpointRedirectsErrorsOnlyToRegisteredUris() {
        String redirect = OidcClientDriver.BLOG_REDIRECT;
        Map<String, String> base = OidcClientDriver.blogRequest(OidcClientDriver.verifier());
        for (Map.Entry<String, String> probe : Map.of(
                "response_type", "token", "scope", "profile", "code_challenge", "short",
                "request", "eyJhbGciOiJub25lIn0.e30.", "response_mode", "fragment").entrySet()) {
            Map<String, String> params = new java.util.HashMap<>(base);
            params.put(probe.getKey(), probe.getValue());
            Response r = OidcClientDriver.authorize(null, params);
            assertThat(r.statusCode()).as(probe.toString()).isEqualTo(302);
            assertThat(r.getHeader("Location")).as(probe.toString()).startsWith(redirect + "?");
            assertThat(OidcClientDriver.query(r)).as(probe.toString()).containsKey("error").containsEntry("state", base.get("state"))
                    .doesNotContainKey("code");
        }
        Response duplicated = given().redirects().follow(false).queryParams(base).queryParam("redirect_uri", "http://evil.example/")
                .get("/oauth/authorize");
        assertThat(duplicated.statusCode()).isEqualTo(400);
        assertThat(duplicated.getHeader("Location")).isNull();
        Response post = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("client_id", "blog", "redirect_uri", "http://evil.example/")).post("/oauth/authorize");
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.getHeader("Location")).isNull();
    }

    @Test
    void userinfoWantsAValidBearerToken() {
        Response none = given().get("/oauth/userinfo");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
        Response garbage = given().header("Authorization", "Bearer not.a.jwt").get("/oauth/userinfo");
        assertOAuthError(garbage, 401, "invalid_token");
        Response basic = given().auth().preemptive().basic("a", "b").get("/oauth/userinfo");
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void endSessionNeverRedirectsToUnregisteredUris() {
        Response badHint = given().redirects().follow(false).queryParam("id_token_hint", "garbage")
                .queryParam("post_logout_redirect_uri", "http://blog.localhost:8001/").get("/oauth/logout");
        assertThat(badHint.statusCode()).isEqualTo(400);
        assertThat(badHint.getHeader("Location")).isNull();
        Response noClient = given().redirects().follow(false).queryParam("post_logout_redirect_uri", "http://blog.localhost:8001/")
                .get("/oauth/logout");
        assertThat(noClient.statusCode()).isEqualTo(400);
        assertThat(noClient.getHeader("Location")).isNull();
        Response plain = given().redirects().follow(false).get("/oauth/logout");
        assertThat(plain.statusCode()).isEqualTo(200);
    }
}
