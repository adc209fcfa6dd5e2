package coop.roseash.shared.auth;

import coop.roseash.shared.fragments.FragmentTestProfile;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS (as the production proxy reports it), the sign-in cookies are {@code __Host-} cookies:
 * a whole code flow works with them, and an unprefixed session cookie, which a sibling subdomain could
 * have planted, signs nobody in.
 */
@QuarkusTest
@TestProfile(FragmentTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class HostPrefixedCookiesTest {

    private static RequestSpecification https() {
        return given().redirects().follow(false).header("X-Forwarded-Proto", "https");
    }

    @Test
    void aCodeFlowOverHttpsKeepsItsStateAndSessionInHostPrefixedCookies() {
        Response login = https().get("/auth/login?return_to=/tag/");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getHeader("Location")).contains("redirect_uri=https%3A%2F%2F");
        String stateLine = setCookie(login, "__Host-q_auth").orElseThrow();
        assertHostOnly(stateLine);
        assertThat(login.getHeaders().getValues("Set-Cookie")).noneMatch(l -> l.startsWith("q_"));

        String state = query(login.getHeader("Location"), "state");
        Response callback = https().cookie(nameOf(stateLine), valueOf(stateLine))
                .get("/auth/callback?code=any-code&state=" + state);
        assertThat(callback.statusCode()).as(callback.asString()).isIn(302, 303);
        String sessionLine = setCookie(callback, "__Host-q_session").orElseThrow();
        assertHostOnly(sessionLine);
        assertThat(sessionLine).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        assertThat(https().cookie(nameOf(sessionLine), valueOf(sessionLine)).get(StandInFederation.WHOAMI_PATH).asString())
                .isEqualTo("Ada");
        // the same session under its unprefixed name over HTTPS: planted, ignored
        assertThat(https().cookie("q_session", valueOf(sessionLine)).get(StandInFederation.WHOAMI_PATH).asString())
                .isEqualTo("anonymous");
    }

    @Test
    void ownCookiesAreHostPrefixedOverHttpsAndUnchangedOverHttp() {
        String csrf = setCookie(https().get("/"), "__Host-roseash-csrf").orElseThrow();
        assertHostOnly(csrf);
        String checked = setCookie(https().header("Sec-Fetch-Mode", "navigate").header("Accept", "text/html").get("/"),
                "__Host-roseash_sso_checked").orElseThrow();
        assertHostOnly(checked);

        Response plain = given().redirects().follow(false).get("/");
        assertThat(setCookie(plain, "roseash-csrf")).isPresent();
        assertThat(plain.getHeaders().getValues("Set-Cookie")).noneMatch(l -> l.startsWith("__Host-"));
    }

    private static void assertHostOnly(String setCookie) {
        assertThat(setCookie).contains("; Secure").contains("Path=/").doesNotContainIgnoringCase("domain=");
        assertThat(setCookie.split(";")).filteredOn(a -> a.trim().startsWith("Path=")).containsExactly(" Path=/");
    }

    private static Optional<String> setCookie(Response r, String namePrefix) {
        List<String> lines = r.getHeaders().getValues("Set-Cookie");
        return lines.stream().filter(l -> l.startsWith(namePrefix)).findFirst();
    }

    private static String nameOf(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf('='));
    }

    private static String valueOf(String setCookie) {
        String pair = setCookie.split(";")[0];
        return pair.substring(pair.indexOf('=') + 1);
    }

    private static String query(String location, String name) {
        for (String p : URI.create(location).getRawQuery().split("&")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + location);
    }
}
