package coop.roseash.federation.oidc;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.MagicLinks;
import coop.roseash.shared.fragments.InternalSignature;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static coop.roseash.federation.oidc.OidcClientDriver.authorize;
import static coop.roseash.federation.oidc.OidcClientDriver.blogRequest;
import static coop.roseash.federation.oidc.OidcClientDriver.verifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's sessions as account's dashboard asks for them (internal, signed): listed with device, services and the
 * current one marked; "sign out everywhere else" ends the other sessions (Redis, refresh tokens, back-channel logout
 * naming their sid) and leaves the current one working; one chosen session can be ended; nobody can read or end the
 * sessions of a member without naming a live session of theirs.
 */
@QuarkusTest
@TestProfile(MemberSessionsTest.Profile.class)
@QuarkusTestResource(PlatformTestResource.class)
class MemberSessionsTest {
    static final String SECRET = "sessions-test-internal-secret";
    static final String FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    static final LogoutCatcher BLOG = new LogoutCatcher();

    /** The SSO profile, with the internal secret and blog's back channel pointed at {@link #BLOG}. */
    public static class Profile extends SsoTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = super.getConfigOverrides();
            c.put("roseash.internal.hmac-secret", SECRET);
            c.put("roseash.oauth.clients[0].backchannel-logout-uri", "http://127.0.0.1:" + BLOG.port + "/logout");
            return c;
        }
    }

    @Inject
    MagicLinks links;

    @AfterAll
    static void stop() {
        BLOG.server.stop(0);
    }

    /** One browser of the member: its federation session, and the tokens blog holds for it. */
    record Browser(String session, String sid, long member, String refreshToken) {
        String current() {
            return OpaqueTokens.hash(sid);
        }
    }

    private Browser browser(String email, String userAgent) {
        String nonce = OpaqueTokens.random();
        Response signedIn = given().redirects().follow(false).cookie("federation_login", nonce)
                .header("User-Agent", userAgent).get("/auth/magic?token=" + links.create(email, "/", nonce));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String session = signedIn.getCookie("federation_session");
        String verifier = verifier();
        JsonPath tokens = OidcClientDriver.exchange(new OidcClientDriver(links).blogCode(session, verifier), verifier)
                .then().statusCode(200).extract().jsonPath();
        String idToken = tokens.getString("id_token");
        return new Browser(session, claim(idToken, "sid"), Long.parseLong(claim(idToken, "sub")), tokens.getString("refresh_token"));
    }

    @Test
    void theMemberSeesTheirSessionsAndSignsOutEverywhereElse() {
        String email = "sessions." + System.nanoTime() + "@example.org";
        Browser laptop = browser(email, FIREFOX);
        Browser phone = browser(email, IPHONE);
        long member = memberOf(laptop);

        JsonPath list = signed("GET", "/internal/sessions", Map.of("user_id", member, "current", laptop.current()))
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("sessions.device")).containsExactly("Mobile Safari 17 on iOS (iPhone)", "Firefox 128 on Ubuntu");
        assertThat(list.getList("sessions.current")).containsExactly(false, true);
        assertThat(list.getList("sessions.services.flatten()")).containsOnly("blog");
        assertThat(list.getString("sessions[0].startedAt")).isNotBlank();
        assertThat(list.getString("sessions[0].lastSeenAt")).isNotBlank();
        assertThat(list.toString()).doesNotContain(laptop.sid()).doesNotContain(phone.sid());

        BLOG.tokens.clear();
        signed("POST", "/internal/sessions/end-others", Map.of("user_id", member, "current", laptop.current()))
                .then().statusCode(200).body("ended", org.hamcrest.Matchers.is(1));

        assertThat(BLOG.tokens).as("blog was told, over the back channel, of the phone's session only")
                .extracting(t -> claim(t, "sid")).containsExactly(phone.sid());
        assertThat(claim(BLOG.tokens.get(0), "sub")).isEqualTo(Long.toString(member));
        assertThat(signedIn(phone)).as("the phone's federation session").isFalse();
        assertThat(signedIn(laptop)).as("the laptop's federation session").isTrue();
        OidcClientDriver.refresh(phone.refreshToken()).then().statusCode(400).body("error", org.hamcrest.Matchers.is("invalid_grant"));
        OidcClientDriver.refresh(laptop.refreshToken()).then().statusCode(200);
        assertThat(signed("GET", "/internal/sessions", Map.of("user_id", member, "current", laptop.current()))
                .jsonPath().getList("sessions.device")).containsExactly("Firefox 128 on Ubuntu");
    }

    @Test
    void oneChosenSessionEnds() {
        String email = "one-session." + System.nanoTime() + "@example.org";
        Browser laptop = browser(email, FIREFOX);
        Browser phone = browser(email, IPHONE);
        Browser tablet = browser(email, FIREFOX);
        long member = memberOf(laptop);
        List<Map<String, Object>> sessions = signed("GET", "/internal/sessions",
                Map.of("user_id", member, "current", laptop.current())).jsonPath().getList("sessions");
        assertThat(sessions).hasSize(3);
        Object currentId = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow().get("id");
        Object phoneId = sessions.stream().filter(s -> String.valueOf(s.get("device")).contains("iPhone")).findFirst().orElseThrow().get("id");

        signed("POST", "/internal/sessions/end", Map.of("user_id", member, "current", laptop.current(), "session", currentId))
                .then().statusCode(409);
        signed("POST", "/internal/sessions/end", Map.of("user_id", member, "current", laptop.current(), "session", phoneId))
                .then().statusCode(200);
        assertThat(signedIn(phone)).isFalse();
        assertThat(signedIn(laptop)).isTrue();
        assertThat(signedIn(tablet)).as("the session not chosen").isTrue();
        signed("POST", "/internal/sessions/end", Map.of("user_id", member, "current", laptop.current(), "session", phoneId))
                .then().statusCode(404);
    }

    @Test
    void nobodyReadsOrEndsTheSessionsOfAMemberWhoIsNotUsingTheCaller() {
        Browser mine = browser("mine." + System.nanoTime() + "@example.org", FIREFOX);
        Browser theirs = browser("theirs." + System.nanoTime() + "@example.org", IPHONE);
        long me = memberOf(mine);
        long them = memberOf(theirs);

        // unsigned: the internal guard
        given().queryParam("user_id", them).queryParam("current", theirs.current()).get("/internal/sessions")
                .then().statusCode(403);
        given().header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1").queryParam("user_id", them)
                .queryParam("current", theirs.current()).post("/internal/sessions/end-others").then().statusCode(403);
        // signed, but naming my session as theirs, or theirs as mine
        signed("GET", "/internal/sessions", Map.of("user_id", them, "current", mine.current())).then().statusCode(403);
        signed("POST", "/internal/sessions/end-others", Map.of("user_id", them, "current", mine.current())).then().statusCode(403);
        signed("POST", "/internal/sessions/end-others", Map.of("user_id", me, "current", theirs.current())).then().statusCode(403);
        // a session id of another member's
        long theirId = signed("GET", "/internal/sessions", Map.of("user_id", them, "current", theirs.current()))
                .jsonPath().getLong("sessions[0].id");
        signed("POST", "/internal/sessions/end", Map.of("user_id", me, "current", mine.current(), "session", theirId))
                .then().statusCode(404);
        signed("GET", "/internal/sessions", Map.of("user_id", me, "current", "not-a-hash")).then().statusCode(400);
        assertThat(signedIn(theirs)).isTrue();
        assertThat(signedIn(mine)).isTrue();
    }

    private static long memberOf(Browser b) {
        return b.member();
    }

    private static boolean signedIn(Browser b) {
        Response r = authorize(b.session(), blogRequest(verifier()));
        return r.getHeader("Location") != null && r.getHeader("Location").startsWith(OidcClientDriver.BLOG_REDIRECT + "?code=");
    }

    /** A request signed as another service of the platform would sign it. */
    static Response signed(String method, String path, Map<String, Object> params) {
        Map<String, List<String>> query = new TreeMap<>();
        params.forEach((k, v) -> query.put(k, List.of(String.valueOf(v))));
        long now = System.currentTimeMillis() / 1000;
        RequestSpecification spec = given().header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(InternalSignature.SIGNATURE_HEADER, new InternalSignature(SECRET).sign("federation", method, path, query, now));
        params.forEach(spec::queryParam);
        return spec.request(method, path);
    }

    static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return String.valueOf(JsonPath.from(payload).getString(name));
    }

    /** Plays blog's back-channel logout endpoint: keeps every logout token posted to it. */
    static final class LogoutCatcher {
        final int port = freePort();
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final HttpServer server;

        LogoutCatcher() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/logout", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                tokens.add(URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
