package coop.roseash.federation.oidc;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import coop.roseash.federation.login.MagicLinks;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed request gets the RFC 6749 / OIDC error answer: never a 500, never a redirect elsewhere. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class MalformedRequestsTest {

    @Inject
    MagicLinks links;

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

    /** A raw answer: status line, headers and body as sent (RestAssured refuses to send a broken escape). */
    private record Raw(int status, String head, String body) {
    }

    /** Asks like a browser for {@code path}, byte for byte as given. */
    private static Raw browserGet(String path, String session) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n"
                    + (session == null ? "" : "Cookie: federation_session=" + session + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(answer.substring(9, 12)), answer.substring(0, end).toLowerCase(Locale.ROOT),
                    answer.substring(end + 4));
        }
    }

    /** A page asked for with a broken address: the 400 page, never a 500 (nor a stack trace in the log). */
    private static void assertBadRequestPage(Raw r, String probe) {
        assertThat(r.status()).as(probe + ": " + r.head() + r.body()).isEqualTo(400);
        assertThat(r.head()).as(probe).contains("content-type: text/html").doesNotContain("location:");
        assertThat(r.body()).as(probe).contains("</html>");
    }

    @Test
    void malformedAuthorizationParametersAreOAuthErrors() {
        for (String prompt : List.of("login login", "consent%20consent", "none none")) {
            Map<String, String> request = OidcClientDriver.blogRequest(OidcClientDriver.verifier());
            request.put("prompt", prompt.replace("%20", " "));
            Response r = OidcClientDriver.authorize(null, request);
            assertThat(r.statusCode()).as(prompt + ": " + r.asString()).isEqualTo(302);
            assertThat(r.getHeader("Location")).as(prompt).startsWith(OidcClientDriver.BLOG_REDIRECT + "?");
            assertThat(OidcClientDriver.query(r)).as(prompt).containsEntry("error", "invalid_request").doesNotContainKey("code");
        }
    }

    @Test
    void brokenAddressesGetTheBadRequestPage() throws IOException {
        String session = new OidcClientDriver(links).signIn("malformed." + System.nanoTime() + "@example.org");
        // continue values that are no address: with a session the login page used to redirect to them (a 500)
        for (String path : List.of(
                "/auth/login?continue=/oauth/authorize%3Fstate%3Da%20b",
                "/auth/login?continue=/oauth/authorize%3Fstate%3D%25zz",
                "/oauth/consent?continue=" + AuthorizationRequest.enc("/oauth/authorize?client_id=blog&state=%zz"))) {
            assertBadRequestPage(browserGet(path, null), path);
            assertBadRequestPage(browserGet(path, session), path + " (signed in)");
        }
        // a broken escape in the address itself never reaches the application: Quarkus answers a bare 400
        for (String path : List.of("/auth/login?continue=%zz", "/oauth/consent?continue=%zz", "/oauth/authorize?client_id=%zz",
                "/oauth/logout?state=%zz", "/auth/magic?token=%zz")) {
            Raw r = browserGet(path, session);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.head()).as(path).doesNotContain("location:");
        }
    }

    @Test
    void aStoredContinueUrlThatIsNotAnAddressSendsHomeAfterSigningIn() {
        String nonce = OpaqueTokens.random();
        String token = links.create("space." + System.nanoTime() + "@example.org", "/oauth/authorize?state=a b", nonce);
        Response r = given().redirects().follow(false).cookie("federation_login", nonce).get("/auth/magic?token=" + token);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        assertThat(r.getCookie("federation_session")).isNotBlank();
    }

    @Test
    void controlCharactersNeverReachTheDatabase() {
        // PostgreSQL refuses a NUL in a query parameter or a text column: each of these was a 500
        String form = "application/x-www-form-urlencoded";
        assertOAuthError(given().contentType(form).body("grant_type=refresh_token&refresh_token=x&client_id=a%00b").post("/oauth/token"),
                401, "invalid_client");
        assertOAuthError(given().auth().preemptive().basic("a\u0000b", "x").contentType(form).body("grant_type=refresh_token&refresh_token=x")
                .post("/oauth/token"), 401, "invalid_client");
        Response authorize = given().redirects().follow(false).urlEncodingEnabled(false).get("/oauth/authorize?client_id=a%00b");
        assertThat(authorize.statusCode()).isEqualTo(400);
        assertThat(authorize.getHeader("Location")).isNull();
        Response logout = given().redirects().follow(false).urlEncodingEnabled(false)
                .get("/oauth/logout?client_id=a%00b&post_logout_redirect_uri=http://blog.localhost:8001/");
        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.getHeader("Location")).isNull();

        Map<String, String> nonce = OidcClientDriver.blogRequest(OidcClientDriver.verifier());
        nonce.put("nonce", "n\u0000");
        Response r = OidcClientDriver.authorize(null, nonce);
        assertThat(r.getHeader("Location")).as(r.statusCode() + " " + r.asString()).startsWith(OidcClientDriver.BLOG_REDIRECT + "?");
        assertThat(OidcClientDriver.query(r)).containsEntry("error", "invalid_request").doesNotContainKey("code");

        coop.roseash.federation.FormPage login = coop.roseash.federation.FormPage.get("/auth/login", null);
        Response email = login.submit("/auth/login", Map.of("email", "nul\u0000" + System.nanoTime() + "@example.org", "continue", "/"), null);
        assertThat(email.statusCode()).as(email.asString()).isEqualTo(422);
    }
}
