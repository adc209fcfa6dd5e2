package coop.roseash.federation.consent;

import com.nimbusds.jwt.SignedJWT;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.MagicLinks;
import coop.roseash.federation.oidc.OidcClientDriver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** An outside client registered in config completes the code flow through the consent screen, once. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ExternalClientConsentTest {
    @Inject
    MagicLinks links;

    private static Map<String, String> partnerRequest(String verifier) {
        Map<String, String> p = new HashMap<>();
        p.put("response_type", "code");
        p.put("client_id", "partner");
        p.put("redirect_uri", SsoTestProfile.PARTNER_REDIRECT);
        p.put("scope", "openid email");
        p.put("state", "partner-state");
        p.put("nonce", "partner-nonce");
        p.put("code_challenge", OidcClientDriver.challenge(verifier));
        p.put("code_challenge_method", "S256");
        return p;
    }

    private static String pathOf(Response redirect) {
        URI uri = URI.create(redirect.getHeader("Location"));
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void consentIsAskedOnceThenTheFlowCompletes() throws Exception {
        String session = new OidcClientDriver(links).signIn("partner.user." + System.nanoTime() + "@example.org");
        String verifier = OidcClientDriver.verifier();
        Response toConsent = OidcClientDriver.authorize(session, partnerRequest(verifier));
        assertThat(toConsent.statusCode()).isEqualTo(303);
        assertThat(toConsent.getHeader("Location")).contains("/oauth/consent?continue=");

        FormPage consent = FormPage.get(pathOf(toConsent), session);
        assertThat(consent.page().statusCode()).isEqualTo(200);
        assertThat(consent.page().asString()).contains("Partner App").contains("your email address");
        assertThat(consent.page().getHeader("X-Frame-Options")).isEqualTo("DENY");
        String continueUrl = URI.create(toConsent.getHeader("Location")).getQuery().substring("continue=".length());

        Response allowed = consent.submit("/oauth/consent", Map.of("decision", "allow", "continue", continueUrl), session);
        assertThat(allowed.statusCode()).isEqualTo(303);
        Response withCode = given().urlEncodingEnabled(false).redirects().follow(false).cookie("federation_session", session).get(pathOf(allowed));
        assertThat(withCode.getHeader("Location")).startsWith(SsoTestProfile.PARTNER_REDIRECT + "?");
        Map<String, String> answer = OidcClientDriver.query(withCode);
        assertThat(answer).containsEntry("state", "partner-state").containsKey("code");

        Response tokens = given().auth().preemptive().basic("partner", SsoTestProfile.PARTNER_SECRET)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                        "redirect_uri", SsoTestProfile.PARTNER_REDIRECT, "code_verifier", verifier))
                .post("/oauth/token");
        tokens.then().statusCode(200);
        SignedJWT id = SignedJWT.parse(tokens.jsonPath().getString("id_token"));
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly("partner");
        assertThat(id.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("partner-nonce");

        Response remembered = OidcClientDriver.authorize(session, partnerRequest(OidcClientDriver.verifier()));
        assertThat(remembered.statusCode()).isEqualTo(302);
        assertThat(OidcClientDriver.query(remembered)).containsKey("code");
    }

    @Test
    void denyingSendsAccessDeniedToTheClient() {
        String session = new OidcClientDriver(links).signIn("partner.denier." + System.nanoTime() + "@example.org");
        Response toConsent = OidcClientDriver.authorize(session, partnerRequest(OidcClientDriver.verifier()));
        FormPage consent = FormPage.get(pathOf(toConsent), session);
        String continueUrl = URI.create(toConsent.getHeader("Location")).getQuery().substring("continue=".length());
        Response denied = consent.submit("/oauth/consent", Map.of("decision", "deny", "continue", continueUrl), session);
        assertThat(denied.getHeader("Location")).startsWith(SsoTestProfile.PARTNER_REDIRECT + "?");
        assertThat(OidcClientDriver.query(denied)).containsEntry("error", "access_denied").containsEntry("state", "partner-state");

        Map<String, String> silent = partnerRequest(OidcClientDriver.verifier());
        silent.put("prompt", "none");
        assertThat(OidcClientDriver.query(OidcClientDriver.authorize(session, silent))).containsEntry("error", "consent_required");
    }

    @Test
    void consentWithoutAValidRequestIsRefused() {
        String session = new OidcClientDriver(links).signIn("partner.other@example.org");
        assertThat(FormPage.get("/oauth/consent?continue=/oauth/authorize?client_id=nobody", session).page().statusCode()).isEqualTo(400);
        assertThat(FormPage.get("/oauth/consent", session).page().statusCode()).isEqualTo(400);
    }
}
