package coop.roseash.shared.auth;

import coop.roseash.shared.fragments.FragmentTestProfile;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** blog's side of single sign-on: the silent round trip, the sign-in redirect, device ids, back-channel logout. */
@QuarkusTest
@TestProfile(FragmentTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class SsoClientTest {
    @Inject
    DeviceIdSignature signature;
    @Inject
    LoggedOutSessions loggedOut;

    private static RequestSpecification navigation() {
        return given().redirects().follow(false).header("Sec-Fetch-Mode", "navigate").header("Accept", "text/html");
    }

    @Test
    void firstPageNavigationTriesASilentSignInOncePerBrowserSession() {
        Response first = navigation().get("/?page=2");
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(URI.create(first.getHeader("Location")).getPath()).isEqualTo("/auth/silent");
        assertThat(first.getCookie(DeviceCookies.CHECKED)).isEqualTo("1");
        assertThat(first.getDetailedCookie(DeviceCookies.CHECKED).getMaxAge()).isEqualTo(-1);
        assertThat(java.net.URLDecoder.decode(first.getCookie(DeviceCookies.RETURN_TO), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("/?page=2");

        assertThat(navigation().cookie(DeviceCookies.CHECKED, "1").get("/").statusCode()).isEqualTo(200);
        // not navigations: feeds, scripts, engine requests
        assertThat(given().redirects().follow(false).header("Accept", "text/html").get("/").statusCode()).isEqualTo(200);
        assertThat(navigation().header("SX-Request", "true").get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void silentRoundTripAsksFederationWithPromptNone() {
        Response silent = given().redirects().follow(false).get("/auth/silent");
        assertThat(silent.statusCode()).isEqualTo(302);
        String location = silent.getHeader("Location");
        assertThat(location).startsWith(StandInFederation.ISSUER + "/oauth/authorize?")
                .contains("prompt=none").contains("client_id=blog").contains("code_challenge_method=S256")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + FragmentTestProfile.PORT_NUMBER + "%2Fauth%2Fcallback");

        Response login = given().redirects().follow(false).get("/auth/login?return_to=/posts/x");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getHeader("Location")).startsWith(StandInFederation.ISSUER + "/oauth/authorize?").doesNotContain("prompt=");
    }

    @Test
    void aFailedSilentSignInKeepsTheSignedDeviceIdAndReturns() {
        String device = UUID.randomUUID().toString();
        Response back = silentSignInFailsWith(signature.sign(device), null);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(URI.create(back.getHeader("Location")).getPath()).isEqualTo("/auth/signin-failed");
        assertThat(signature.verify(back.getCookie(DeviceCookies.NAME))).contains(device);
        assertThat(back.getDetailedCookie(DeviceCookies.NAME).isHttpOnly()).isTrue();

        Response returned = given().redirects().follow(false).cookie(DeviceCookies.RETURN_TO, "%2Ftags%2F")
                .get(URI.create(back.getHeader("Location")).getRawPath() + "?" + URI.create(back.getHeader("Location")).getRawQuery());
        assertThat(returned.statusCode()).isEqualTo(303);
        assertThat(URI.create(returned.getHeader("Location")).getPath()).isEqualTo("/tags/");

        assertThat(silentSignInFailsWith(device + ".forged", null).getCookie(DeviceCookies.NAME)).isNull();
        Response offsite = given().redirects().follow(false).cookie(DeviceCookies.RETURN_TO, "%2F%2Fevil.example%2F")
                .get("/auth/signin-failed?error=login_required");
        assertThat(URI.create(offsite.getHeader("Location")).getHost()).isNotEqualTo("evil.example");
    }

    /** Device-id fixation: the anonymous cart hangs off the device id, so only federation's real answer may set it. */
    @Test
    void aCraftedLinkCannotSetTheDeviceId() {
        String attackers = signature.sign(UUID.randomUUID().toString());
        // straight to the error page, as federation's redirect would look
        Response direct = given().redirects().follow(false)
                .get("/auth/signin-failed?error=login_required&device_id=" + attackers);
        assertThat(direct.statusCode()).isEqualTo(303);
        assertThat(direct.getCookie(DeviceCookies.NAME)).isNull();
        // to the callback, with a state this browser never started
        Response started = given().redirects().follow(false).get(SignInResource.SILENT_PATH);
        Response callback = given().redirects().follow(false).cookies(started.getCookies())
                .get("/auth/callback?error=login_required&state=" + UUID.randomUUID() + "&device_id=" + attackers);
        assertThat(callback.getCookie(DeviceCookies.NAME)).isNull();
        Response noState = given().redirects().follow(false)
                .get("/auth/callback?error=login_required&state=x&device_id=" + attackers);
        assertThat(noState.getCookie(DeviceCookies.NAME)).isNull();
    }

    @Test
    void aValidDeviceCookieIsNeverReplaced() {
        String mine = signature.sign(UUID.randomUUID().toString());
        Response back = silentSignInFailsWith(signature.sign(UUID.randomUUID().toString()), mine);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.getCookie(DeviceCookies.NAME)).isNull();
        // a cookie that is not ours (forged, or signed with an old key) is replaced
        Response replaced = silentSignInFailsWith(signature.sign(UUID.randomUUID().toString()), "junk.value");
        assertThat(signature.verify(replaced.getCookie(DeviceCookies.NAME))).isPresent();
    }

    /** The silent round trip up to federation's prompt=none answer: login_required with this device id, this state. */
    private static Response silentSignInFailsWith(String deviceId, String deviceCookie) {
        Response started = given().redirects().follow(false).get(SignInResource.SILENT_PATH);
        assertThat(started.statusCode()).isEqualTo(302);
        String state = null;
        for (String p : URI.create(started.getHeader("Location")).getRawQuery().split("&")) {
            if (p.startsWith("state=")) {
                state = p.substring("state=".length());
            }
        }
        RequestSpecification callback = given().redirects().follow(false).cookies(started.getCookies());
        if (deviceCookie != null) {
            callback.cookie(DeviceCookies.NAME, deviceCookie);
        }
        return callback.get("/auth/callback?error=login_required&state=" + state + "&device_id=" + deviceId);
    }

    @Test
    void backChannelLogoutMarksTheSessionEnded() {
        String sid = "sid-" + UUID.randomUUID();
        given().contentType("application/x-www-form-urlencoded")
                .formParam("logout_token", StandInFederation.sign(StandInFederation.logoutClaims(sid), true))
                .post("/auth/backchannel-logout").then().statusCode(200);
        assertThat(loggedOut.ended(sid, null, 0).await().indefinitely()).isTrue();
        assertThat(loggedOut.ended("sid-" + UUID.randomUUID(), null, 0).await().indefinitely()).isFalse();
    }

    @Test
    void backChannelLogoutRefusesTokensItCannotTrust() {
        String sid = "sid-" + UUID.randomUUID();
        assertRefused(StandInFederation.sign(StandInFederation.logoutClaims(sid), false));
        JwtClaims wrongAudience = StandInFederation.logoutClaims(sid);
        wrongAudience.setAudience("market");
        assertRefused(StandInFederation.sign(wrongAudience, true));
        JwtClaims noEvent = StandInFederation.logoutClaims(sid);
        noEvent.unsetClaim("events");
        assertRefused(StandInFederation.sign(noEvent, true));
        JwtClaims withNonce = StandInFederation.logoutClaims(sid);
        withNonce.setClaim("nonce", "n");
        assertRefused(StandInFederation.sign(withNonce, true));
        JwtClaims otherIssuer = StandInFederation.logoutClaims(sid);
        otherIssuer.setIssuer("http://evil.example");
        assertRefused(StandInFederation.sign(otherIssuer, true));
        assertRefused("not-a-token");
        given().contentType("application/x-www-form-urlencoded").post("/auth/backchannel-logout").then().statusCode(400);
        assertThat(loggedOut.ended(sid, null, 0).await().indefinitely()).isFalse();
    }

    private static void assertRefused(String token) {
        given().contentType("application/x-www-form-urlencoded").formParam("logout_token", token)
                .post("/auth/backchannel-logout").then().statusCode(400);
    }
}
