package coop.roseash.federation.login;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page's {@code continue}, through the real page: a signed-in member is sent on only within federation. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ContinueUrlPageTest {
    private static final String NONCE = "continue-url-browser-nonce-0123456789abcdef";
    private static String session;

    @Inject
    MagicLinks links;

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#ATTACKS")
    void anOpenRedirectPayloadShowsThePageInsteadOfLeaving(String payload) {
        Response page = loginPage(payload);
        // what is not an address at all (a space, a broken escape) is a bad request; the rest shows the page
        assertThat(page.statusCode()).isIn(200, 400);
        assertThat(page.getHeader("Location")).isNull();
        if (page.statusCode() == 200) {
            assertThat(page.asString()).contains("name=\"continue\" value=\"/\"");
        }
    }

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#OWN_PATHS")
    void aPathOnFederationIsWhereASignedInMemberGoes(String path) {
        Response page = loginPage(path);
        if ("/".equals(path)) {
            assertThat(page.statusCode()).isEqualTo(200);
            return;
        }
        assertThat(page.statusCode()).isEqualTo(303);
        URI to = URI.create(page.getHeader("Location"));
        assertThat(to.getHost()).isEqualTo("localhost");
        assertThat(to.getRawPath()).isEqualTo(URI.create(path).getRawPath());
    }

    private Response loginPage(String continueUrl) {
        if (session == null) {
            String token = links.create("continue.url." + System.nanoTime() + "@example.org", "/", NONCE);
            session = given().redirects().follow(false).cookie("federation_login", NONCE).get("/auth/magic?token=" + token)
                    .getCookie("federation_session");
            assertThat(session).isNotBlank();
        }
        return given().redirects().follow(false).urlEncodingEnabled(false).cookie("federation_session", session)
                .get("/auth/login?continue=" + URLEncoder.encode(continueUrl, StandardCharsets.UTF_8));
    }
}
