package coop.roseash.shared.auth;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.fragments.FragmentTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /auth/login?return_to=} through the real route, for a signed-in member: never leaves this host. */
@QuarkusTest
@TestProfile(FragmentTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ReturnToPageTest {
    private static Map<String, String> session;

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#ATTACKS")
    void anOpenRedirectPayloadGoesHome(String payload) {
        assertThat(backTo(payload).getRawPath()).isEqualTo("/");
    }

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#OWN_PATHS")
    void aPathOnThisHostIsWhereItGoes(String path) {
        assertThat(backTo(path).getRawPath()).isEqualTo(URI.create(path).getRawPath());
    }

    /** Where a signed-in member's {@code /auth/login?return_to=} sends them: always this host. */
    private static URI backTo(String returnTo) {
        Response back = signedIn().get("/auth/login?return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        assertThat(back.statusCode()).isEqualTo(303);
        URI to = URI.create(back.getHeader("Location"));
        assertThat(to.getHost()).isEqualTo("localhost");
        return to;
    }

    private static io.restassured.specification.RequestSpecification signedIn() {
        if (session == null) {
            session = signIn();
        }
        return given().redirects().follow(false).urlEncodingEnabled(false).cookies(session);
    }

    /** One code flow against the stand-in federation; its session cookie serves every case. */
    private static Map<String, String> signIn() {
        Response login = given().redirects().follow(false).get("/auth/login");
        String state = null;
        for (String p : URI.create(login.getHeader("Location")).getRawQuery().split("&")) {
            if (p.startsWith("state=")) {
                state = p.substring("state=".length());
            }
        }
        Response callback = given().redirects().follow(false).cookies(login.getCookies())
                .get("/auth/callback?code=any-code&state=" + state);
        assertThat(callback.statusCode()).as(callback.asString()).isIn(302, 303);
        assertThat(callback.getCookies()).containsKey("q_session");
        return Map.of("q_session", callback.getCookie("q_session"));
    }
}
