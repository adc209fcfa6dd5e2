package coop.roseash.federation.login;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.shared.model.federation.MagicLink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Passwordless sign-in through the real pages: form, CSRF, no framing, the mail sink, one-time links, rate limits. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class MagicLinkLoginTest {
    private static final Pattern LINK = Pattern.compile("http://federation\\.localhost:8005(/auth/magic\\?token=[A-Za-z0-9_-]+)");

    @Inject
    RedisDataSource redis;
    @Inject
    MagicLinks links;

    @BeforeEach
    void forgetRateLimits() {
        List<String> keys = redis.key().keys("federation:login-rate:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    private static Response askForLink(String email, String continueUrl) {
        FormPage form = FormPage.get("/auth/login", null);
        return form.submit("/auth/login", Map.of("email", email, "continue", continueUrl), null);
    }

    /** Asks for a link as a browser at {@code clientAddress} would (the proxy's X-Forwarded-For). */
    private static Response askForLinkFrom(String clientAddress, String email) {
        FormPage form = FormPage.get("/auth/login", null);
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://federation.localhost:8005").header("Sec-Fetch-Site", "same-origin")
                .header("X-Forwarded-For", clientAddress)
                .cookie("roseash-csrf", form.csrfCookie()).formParam("_csrf", form.csrfToken())
                .formParam("email", email).formParam("continue", "/").post("/auth/login");
    }

    /** The browser nonce the sign-in form's answer left in the browser. */
    private static String browserNonce(Response sent) {
        String nonce = sent.getCookie("federation_login");
        assertThat(nonce).as("login browser cookie").isNotBlank();
        assertThat(sent.getDetailedCookie("federation_login").isHttpOnly()).isTrue();
        return nonce;
    }

    /** The newest mail to this address in the sink, and the sign-in path it carries. */
    private static String linkMailedTo(String email) throws IOException {
        try (Stream<Path> files = Files.list(SsoTestProfile.MAIL_DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::toString).reversed()).toList()) {
                String eml = Files.readString(file);
                if (eml.contains("To: " + email + "\r\n")) {
                    Matcher m = LINK.matcher(eml);
                    assertThat(m.find()).as("link in " + file).isTrue();
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no mail to " + email);
    }

    @Test
    void loginPageHasACsrfProtectedFormAndCannotBeFramed() {
        FormPage form = FormPage.get("/auth/login", null);
        assertThat(form.page().statusCode()).isEqualTo(200);
        assertThat(form.csrfToken()).isNotBlank();
        assertThat(form.page().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(form.page().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .formParam("email", "victim@example.org").post("/auth/login");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aMalformedLoginFormGetsTheBadRequestPage() {
        FormPage form = FormPage.get("/auth/login", null);
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://federation.localhost:8005").header("Sec-Fetch-Site", "same-origin")
                .cookie("roseash-csrf", form.csrfCookie()).header("Accept", "text/html")
                .body("_csrf=" + form.csrfToken() + "&email=%ZZ").post("/auth/login");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("Bad request").contains("Check the address or the form");
    }

    @Test
    void aMailedLinkSignsInOnceAndReturnsToTheInterruptedRequest() throws IOException {
        String email = "grace." + System.nanoTime() + "@example.org";
        Response sent = askForLink(email, "/oauth/authorize?client_id=blog");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("Check your email").contains(email);

        String link = linkMailedTo(email);
        Response used = given().redirects().follow(false).cookie("federation_login", browserNonce(sent)).get(link);
        assertThat(used.statusCode()).isEqualTo(303);
        assertThat(used.getHeader("Location")).endsWith("/oauth/authorize?client_id=blog");
        assertThat(used.getCookie("federation_session")).isNotBlank();
        assertThat(used.getDetailedCookie("federation_session").isHttpOnly()).isTrue();

        Response again = given().redirects().follow(false).get(link);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.getCookie("federation_session")).isNull();
        assertThat(again.asString()).contains("does not work");
    }

    @Test
    void aLinkOpenedInAnotherBrowserOnlyAsksAndAGetNeverUsesItUp() throws IOException {
        String email = "ada." + System.nanoTime() + "@example.org";
        Response sent = askForLink(email, "/");
        String link = linkMailedTo(email);

        // an attacker's own link, opened in the victim's browser (or a mail scanner): no session, nothing used up
        for (String otherBrowser : new String[]{null, "a-different-browser-nonce-0123456789abcdefg"}) {
            var request = given().redirects().follow(false);
            if (otherBrowser != null) {
                request.cookie("federation_login", otherBrowser);
            }
            Response asked = request.get(link);
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.getCookie("federation_session")).isNull();
            assertThat(asked.asString()).contains("Sign in as " + email + "?").contains("name=\"token\"");
        }

        // saying yes signs in, and uses the link up
        FormPage confirm = FormPage.get(link.replace("http://federation.localhost:8005", ""), null);
        Response yes = confirm.submit("/auth/magic", Map.of("token", link.substring(link.indexOf("token=") + 6)), null);
        assertThat(yes.statusCode()).isEqualTo(303);
        assertThat(yes.getCookie("federation_session")).isNotBlank();
        assertThat(given().redirects().follow(false).cookie("federation_login", browserNonce(sent)).get(link).statusCode())
                .as("used").isEqualTo(400);
    }

    @Test
    void theConfirmationNeedsTheCsrfToken() throws IOException {
        String email = "csrf." + System.nanoTime() + "@example.org";
        askForLink(email, "/");
        String link = linkMailedTo(email);
        Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .formParam("token", link.substring(link.indexOf("token=") + 6)).post("/auth/magic");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.getCookie("federation_session")).isNull();
        assertThat(given().redirects().follow(false).get(link).statusCode()).as("still usable").isEqualTo(200);
    }

    @Test
    void someoneElseAskingForAMembersLinksCannotLockThemOut() {
        String email = "locked." + System.nanoTime() + "@example.org";
        for (int i = 0; i < 5; i++) {
            assertThat(askForLinkFrom("203.0.113.7", email).statusCode()).isEqualTo(200);
        }
        assertThat(askForLinkFrom("203.0.113.7", email).statusCode()).as("the attacker's client is limited").isEqualTo(429);
        assertThat(askForLinkFrom("198.51.100.23", email).statusCode()).as("the member, elsewhere").isEqualTo(200);
    }

    @Test
    void everyRateCounterExpires() {
        askForLinkFrom("192.0.2.44", "ttl." + System.nanoTime() + "@example.org");
        List<String> keys = redis.key().keys("federation:login-rate:*");
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3);
        for (String key : keys) {
            assertThat(redis.key().pttl(key)).as(key).isPositive();
        }
        // a counter left without an expiry (by a crash between two commands, say) gets one at its next hit
        redis.key().persist("federation:login-rate:total");
        askForLinkFrom("192.0.2.45", "ttl2." + System.nanoTime() + "@example.org");
        assertThat(redis.key().pttl("federation:login-rate:total")).isPositive();
    }

    @Test
    void anExpiredLinkIsRejected() {
        String token = links.create("late@example.org", "/");
        QuarkusTransaction.requiringNew().run(() ->
                MagicLink.update("expiresAt = ?1, createdAt = ?2 where email = ?3 and usedAt is null",
                        Instant.now().minusSeconds(1), Instant.now().minusSeconds(16 * 60), "late@example.org"));
        Response r = given().redirects().follow(false).get("/auth/magic?token=" + token);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.getCookie("federation_session")).isNull();
        assertThat(given().redirects().follow(false).get("/auth/magic?token=nonsense").statusCode()).isEqualTo(400);
        assertThat(given().redirects().follow(false).get("/auth/magic").statusCode()).isEqualTo(400);
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailIsKnown() {
        links.create("known@example.org", "/");
        given().redirects().follow(false).get("/auth/magic?token=" + links.create("known@example.org", "/"));
        String known = askForLink("known@example.org", "/").asString().replaceAll("(?s).*<main", "").replace("known@example.org", "X");
        String unknown = askForLink("unknown." + System.nanoTime() + "@example.org", "/").asString()
                .replaceAll("(?s).*<main", "").replaceAll("unknown\\.\\d+@example\\.org", "X");
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void badAddressesAndFloodsAreRefused() {
        assertThat(askForLink("not-an-email", "/").statusCode()).isEqualTo(422);
        String email = "flood@example.org";
        for (int i = 0; i < 5; i++) {
            assertThat(askForLink(email, "/").statusCode()).isEqualTo(200);
        }
        Response limited = askForLink(email, "/");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isNotBlank();
        assertThat(askForLink("someone.else@example.org", "/").statusCode()).isEqualTo(200);
    }

    @Test
    void continueUrlsNeverLeaveFederation() {
        String nonce = "open-redirect-browser-nonce-0123456789abcde";
        String token = links.create("open.redirect@example.org", "//evil.example/", nonce);
        Response r = given().redirects().follow(false).cookie("federation_login", nonce).get("/auth/magic?token=" + token);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).doesNotContain("evil.example");
    }
}
