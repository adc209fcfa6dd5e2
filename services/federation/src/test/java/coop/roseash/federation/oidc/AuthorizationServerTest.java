package coop.roseash.federation.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.keys.KeyRing;
import coop.roseash.shared.auth.DeviceIdSignature;
import coop.roseash.federation.login.MagicLinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static coop.roseash.federation.oidc.OidcClientDriver.BLOG_REDIRECT;
import static coop.roseash.federation.oidc.OidcClientDriver.authorize;
import static coop.roseash.federation.oidc.OidcClientDriver.blogRequest;
import static coop.roseash.federation.oidc.OidcClientDriver.exchange;
import static coop.roseash.federation.oidc.OidcClientDriver.query;
import static coop.roseash.federation.oidc.OidcClientDriver.refresh;
import static coop.roseash.federation.oidc.OidcClientDriver.token;
import static coop.roseash.federation.oidc.OidcClientDriver.userinfo;
import static coop.roseash.federation.oidc.OidcClientDriver.verifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The authorization server's protocol over real HTTP: code flow, PKCE, codes, refresh rotation, JWKS. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class AuthorizationServerTest {
    private static final String ISSUER = "http://federation.localhost:8005";

    @Inject
    MagicLinks links;
    @Inject
    KeyRing keys;
    @Inject
    DeviceIdSignature deviceIds;

    OidcClientDriver driver;
    String session;

    @BeforeEach
    void signIn() {
        driver = new OidcClientDriver(links);
        session = driver.signIn("ada@example.org");
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryDocumentIsComplete() {
        Map<String, Object> d = given().get("/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(d).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oauth/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oauth/token")
                .containsEntry("userinfo_endpoint", ISSUER + "/oauth/userinfo")
                .containsEntry("jwks_uri", ISSUER + "/oauth/jwks")
                .containsEntry("end_session_endpoint", ISSUER + "/oauth/logout")
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("backchannel_logout_supported", true)
                .containsEntry("backchannel_logout_session_supported", true);
        assertThat((List<Object>) d.get("token_endpoint_auth_methods_supported")).contains("client_secret_basic", "client_secret_post");
        assertThat((List<Object>) d.get("grant_types_supported")).containsExactlyInAnyOrder("authorization_code", "refresh_token");
        assertThat((List<Object>) d.get("scopes_supported")).contains("openid");
    }

    @Test
    void codeFlowIssuesTokensThatVerifyAgainstThePublishedJwks() throws Exception {
        String verifier = verifier();
        Map<String, String> request = blogRequest(verifier);
        Response redirect = authorize(session, request);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.getHeader("Location")).startsWith(BLOG_REDIRECT + "?");
        Map<String, String> answer = query(redirect);
        assertThat(answer).containsEntry("state", request.get("state")).containsEntry("iss", ISSUER).containsKey("code");

        Response tokens = exchange(answer.get("code"), verifier);
        tokens.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(tokens.jsonPath().getString("token_type")).isEqualTo("Bearer");

        JWKSet jwks = JWKSet.parse(given().get("/oauth/jwks").then().statusCode(200).extract().asString());
        SignedJWT id = SignedJWT.parse(tokens.jsonPath().getString("id_token"));
        assertThat(id.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(id.getHeader().getKeyID());
        assertThat(id.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(id.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly("blog");
        assertThat(id.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo(request.get("nonce"));
        assertThat(id.getJWTClaimsSet().getStringClaim("email")).isEqualTo("ada@example.org");
        assertThat(id.getJWTClaimsSet().getStringClaim("sid")).isNotBlank();

        SignedJWT access = SignedJWT.parse(tokens.jsonPath().getString("access_token"));
        assertThat(access.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(access.getHeader().getKeyID())))).isTrue();
        userinfo(tokens.jsonPath().getString("access_token")).then().statusCode(200);
        assertThat(userinfo(tokens.jsonPath().getString("access_token")).jsonPath().getString("email")).isEqualTo("ada@example.org");
    }

    @Test
    void rotatedKeyStaysPublishedAndOldTokensStillVerify() throws Exception {
        String verifier = verifier();
        String before = exchange(driver.blogCode(session, verifier), verifier).jsonPath().getString("id_token");
        String oldKid = keys.current().kid();
        keys.rotate();
        JWKSet jwks = JWKSet.parse(given().get("/oauth/jwks").asString());
        assertThat(jwks.getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, keys.current().kid());
        SignedJWT old = SignedJWT.parse(before);
        assertThat(old.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(oldKid)))).isTrue();

        String verifier2 = verifier();
        SignedJWT fresh = SignedJWT.parse(exchange(driver.blogCode(session, verifier2), verifier2).jsonPath().getString("id_token"));
        assertThat(fresh.getHeader().getKeyID()).isEqualTo(keys.current().kid()).isNotEqualTo(oldKid);
    }

    @Test
    void publicClientWithoutPkceIsRefused() {
        Map<String, String> request = new HashMap<>(Map.of("response_type", "code", "client_id", "mobile",
                "redirect_uri", SsoTestProfile.MOBILE_REDIRECT, "scope", "openid", "state", "s1"));
        Response r = authorize(session, request);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.getHeader("Location")).startsWith(SsoTestProfile.MOBILE_REDIRECT);
        assertThat(query(r)).containsEntry("error", "invalid_request").containsEntry("state", "s1").containsEntry("iss", ISSUER)
                .doesNotContainKey("code");
    }

    @Test
    void plainChallengeMethodIsRefused() {
        Map<String, String> request = blogRequest(verifier());
        request.put("code_challenge_method", "plain");
        assertThat(query(authorize(session, request))).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void wrongOrMissingVerifierIsRejected() {
        String verifier = verifier();
        exchange(driver.blogCode(session, verifier), verifier()).then().statusCode(400)
                .header("Cache-Control", "no-store");
        assertThat(exchange(driver.blogCode(session, verifier), verifier()).jsonPath().getString("error")).isEqualTo("invalid_grant");
        Map<String, String> noVerifier = new HashMap<>(Map.of("grant_type", "authorization_code",
                "code", driver.blogCode(session, verifier), "redirect_uri", BLOG_REDIRECT));
        assertThat(token(noVerifier).jsonPath().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void mismatchedRedirectUriIsRefusedWithoutRedirecting() {
        for (String uri : List.of("http://blog.localhost:8001/auth/callback/evil", "http://evil.example/auth/callback",
                "http://blog.localhost:8001/auth/callback?x=1", "HTTP://blog.localhost:8001/auth/callback")) {
            Map<String, String> request = blogRequest(verifier());
            request.put("redirect_uri", uri);
            Response r = authorize(session, request);
            assertThat(r.statusCode()).as(uri).isEqualTo(400);
            assertThat(r.getHeader("Location")).as(uri).isNull();
        }
        Map<String, String> unknownClient = blogRequest(verifier());
        unknownClient.put("client_id", "nobody");
        assertThat(authorize(session, unknownClient).statusCode()).isEqualTo(400);
        Response missing = given().redirects().follow(false).get("/oauth/authorize");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.getHeader("Location")).isNull();
    }

    @Test
    void tokenRequestWithADifferentRedirectUriIsRejected() {
        String verifier = verifier();
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code", "code", driver.blogCode(session, verifier),
                "redirect_uri", "http://blog.localhost:8001/other", "code_verifier", verifier));
        assertThat(token(form).jsonPath().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void reusedCodeIsRejectedAndRevokesTheTokensItIssued() {
        String verifier = verifier();
        String code = driver.blogCode(session, verifier);
        Response first = exchange(code, verifier);
        first.then().statusCode(200);
        Response second = exchange(code, verifier);
        second.then().statusCode(400);
        assertThat(second.jsonPath().getString("error")).isEqualTo("invalid_grant");
        assertThat(refresh(first.jsonPath().getString("refresh_token")).jsonPath().getString("error")).isEqualTo("invalid_grant");
        userinfo(first.jsonPath().getString("access_token")).then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
    }

    @Test
    void refreshTokensRotateAndReuseRevokesTheFamily() {
        String verifier = verifier();
        Response tokens = exchange(driver.blogCode(session, verifier), verifier);
        String r1 = tokens.jsonPath().getString("refresh_token");
        Response rotated = refresh(r1);
        rotated.then().statusCode(200);
        String r2 = rotated.jsonPath().getString("refresh_token");
        assertThat(r2).isNotEqualTo(r1);
        userinfo(rotated.jsonPath().getString("access_token")).then().statusCode(200);

        Response replay = refresh(r1);
        replay.then().statusCode(400);
        assertThat(replay.jsonPath().getString("error")).isEqualTo("invalid_grant");
        assertThat(refresh(r2).jsonPath().getString("error")).isEqualTo("invalid_grant");
        userinfo(rotated.jsonPath().getString("access_token")).then().statusCode(401);
    }

    @Test
    void clientSecretPostAuthenticatesToo() {
        String verifier = verifier();
        given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "authorization_code", "code", driver.blogCode(session, verifier),
                        "redirect_uri", BLOG_REDIRECT, "code_verifier", verifier,
                        "client_id", "blog", "client_secret", SsoTestProfile.BLOG_SECRET))
                .post("/oauth/token").then().statusCode(200);
    }

    @Test
    void silentRequestWithoutSessionAnswersLoginRequired() {
        Map<String, String> request = blogRequest(verifier());
        request.put("prompt", "none");
        Response r = authorize(null, request);
        assertThat(r.getHeader("Location")).startsWith(BLOG_REDIRECT);
        assertThat(query(r)).containsEntry("error", "login_required").containsEntry("state", request.get("state"));
        Response interactive = authorize(null, blogRequest(verifier()));
        assertThat(interactive.statusCode()).isEqualTo(303);
        assertThat(interactive.getHeader("Location")).contains("/auth/login?continue=");
    }

    @Test
    void theAnonymousDeviceIdTravelsSignedToTheClientAndIntoTheIdToken() throws Exception {
        Map<String, String> request = blogRequest(verifier());
        request.put("prompt", "none");
        Response anonymous = authorize(null, request);
        String device = anonymous.getCookie("federation_device");
        assertThat(device).matches("[0-9a-f-]{36}");
        assertThat(deviceIds.verify(query(anonymous).get("device_id"))).contains(device);
        Response again = given().redirects().follow(false).cookie("federation_device", device).queryParams(request).get("/oauth/authorize");
        assertThat(again.getCookie("federation_device")).isNull();
        assertThat(deviceIds.verify(query(again).get("device_id"))).contains(device);

        String verifier = verifier();
        Response signedIn = given().redirects().follow(false).cookie("federation_session", session).cookie("federation_device", device)
                .queryParams(blogRequest(verifier)).get("/oauth/authorize");
        SignedJWT id = SignedJWT.parse(exchange(query(signedIn).get("code"), verifier).jsonPath().getString("id_token"));
        assertThat(id.getJWTClaimsSet().getStringClaim("device_id")).isEqualTo(device);
    }

    @Test
    void endSessionSignsOutAndRevokesTheSessionsTokens() {
        String verifier = verifier();
        Response tokens = exchange(driver.blogCode(session, verifier), verifier);
        Response bad = given().redirects().follow(false).cookie("federation_session", session)
                .queryParam("client_id", "blog").queryParam("post_logout_redirect_uri", "http://evil.example/")
                .get("/oauth/logout");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.getHeader("Location")).isNull();

        Response out = given().redirects().follow(false).cookie("federation_session", session)
                .queryParam("id_token_hint", tokens.jsonPath().getString("id_token"))
                .queryParam("post_logout_redirect_uri", "http://blog.localhost:8001/").queryParam("state", "bye")
                .get("/oauth/logout");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.getHeader("Location")).isEqualTo("http://blog.localhost:8001/?state=bye");
        assertThat(refresh(tokens.jsonPath().getString("refresh_token")).jsonPath().getString("error")).isEqualTo("invalid_grant");
        assertThat(authorize(session, blogRequest(verifier())).getHeader("Location")).contains("/auth/login");
    }
}
