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
        Response used = given().redirects().follow(false).get(link);
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
        String token = links.create("open.redirect@example.org", "//evil.example/");
        Response r = given().redirects().follow(false).get("/auth/magic?token=" + token);
        assertThat(r.getHeader("Location")).doesNotContain("evil.example");
    }
}
