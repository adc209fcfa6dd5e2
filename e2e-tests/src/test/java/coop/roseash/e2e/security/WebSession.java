package coop.roseash.e2e.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import coop.roseash.e2e.MailedLinks;
import coop.roseash.e2e.SharedPlatform;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visitor's cookies across the platform's hosts, as a browser would keep them, over plain HTTP: the services
 * answer on {@code NAME.localhost:PORT}, which Java does not resolve, so each request goes to 127.0.0.1 with the
 * public host in {@code Host} (failsafe allows that header: {@code jdk.httpclient.allowRestrictedHeaders}).
 * Redirects are followed only when asked, so a test sees where a route sends a visitor.
 */
public final class WebSession {

    // HTTP/1.1 as browsers speak to these services: the h2c upgrade of a long sign-in URL is reset by Vert.x
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final int MAX_REDIRECTS = 20;

    private final String name;
    /** The browser this visitor claims to be ({@code User-Agent}); none: Java's own. */
    private final String userAgent;
    /** Cookies by host (name.localhost:port): enough for these tests, which never rely on Path or Domain. */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    /** The CSRF token each service issued this visitor (each service signs its own). */
    private final Map<String, String> csrfTokens = new HashMap<>();

    public WebSession(String name) {
        this(name, null);
    }

    public WebSession(String name, String userAgent) {
        this.name = name;
        this.userAgent = userAgent;
    }

    public String name() {
        return name;
    }

    /**
     * A member's browser signed in through federation's magic link (asked for from account's sign-in, read from the
     * shared platform's mail sink), then on each of {@code services} (their silent round trip).
     */
    static WebSession signedIn(String name, String userAgent, String email, List<String> services) throws InterruptedException {
        WebSession session = new WebSession(name + " (" + email + ")", userAgent);
        Set<Path> before = MailedLinks.mailsNow(SharedPlatform.get().mailDir());
        String federation = SharedPlatform.get().platform().address("federation").publicUrl();
        Document page = Jsoup.parse(session.follow(SharedPlatform.get().platform().address("account").publicUrl()
                + "/auth/login").body());
        Map<String, String> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("continue", page.select("input[name=continue]").attr("value"));
        fields.put("_csrf", page.select("input[name=_csrf]").attr("value"));
        int asked = session.send("POST", federation + "/auth/login",
                Map.of("Origin", federation, "Sec-Fetch-Site", "same-origin"), fields).statusCode();
        if (asked != 200) {
            throw new AssertionError(name + ": asking for a sign-in link answered " + asked);
        }
        session.follow(MailedLinks.newSignInLink(SharedPlatform.get().mailDir(), email, before));
        for (String service : services) {
            if (!service.equals("federation")) {
                session.follow(SharedPlatform.get().platform().address(service).publicUrl() + "/auth/login");
            }
        }
        return session;
    }

    public HttpResponse<String> get(String url) {
        return send("GET", url, Map.of(), null);
    }

    /** GET, following redirects; the last response. */
    public HttpResponse<String> follow(String url) {
        return followFrom(get(url));
    }

    public HttpResponse<String> followFrom(HttpResponse<String> response) {
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(response.statusCode()); i++) {
            response = get(location(response));
        }
        return response;
    }

    /** A request with these headers and, when {@code form} is not null, that form as its body. */
    public HttpResponse<String> send(String method, String url, Map<String, String> headers, Map<String, String> form) {
        URI public_ = URI.create(url);
        String host = public_.getHost() + ":" + public_.getPort();
        URI direct = URI.create("http://127.0.0.1:" + public_.getPort() + public_.getRawPath()
                + (public_.getRawQuery() == null ? "" : "?" + public_.getRawQuery()));
        HttpRequest.BodyPublisher body = form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(encode(form));
        HttpRequest.Builder request = HttpRequest.newBuilder(direct).timeout(Duration.ofSeconds(15))
                .method(method, body).header("Host", host).header("Accept", "text/html");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        Map<String, String> jar = cookies.getOrDefault(host, Map.of());
        if (!jar.isEmpty()) {
            StringJoiner cookie = new StringJoiner("; ");
            jar.forEach((n, v) -> cookie.add(n + "=" + v));
            request.header("Cookie", cookie.toString());
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        response.headers().allValues("Set-Cookie").forEach(header -> keep(host, header));
        return response;
    }

    /** This visitor's CSRF token for the service at {@code baseUrl}, read from its home page's meta tag once. */
    public String csrfToken(String baseUrl) {
        return csrfTokens.computeIfAbsent(baseUrl, base -> {
            HttpResponse<String> home = get(base + "/");
            String token = Jsoup.parse(home.body()).select("meta[name=csrf-token]").attr("content");
            if (token.isEmpty()) {
                throw new IllegalStateException(name + ": no CSRF token on " + base + "/ (" + home.statusCode() + ")");
            }
            return token;
        });
    }

    /**
     * A visitor signed in through federation's magic link, as a browser would (the link from the mail sink in
     * {@code mailDir}), landing signed in on blog, then on each of {@code alsoOn}; {@code url} gives a service's public
     * base URL.
     */
    public static WebSession signIn(String name, String email, Path mailDir, Function<String, String> url,
                                    List<String> alsoOn) throws InterruptedException {
        WebSession session = new WebSession(name + " (" + email + ")");
        String federation = url.apply("federation");
        HttpResponse<String> form = session.follow(url.apply("blog") + "/auth/login");
        assertThat(form.statusCode()).as(name + ": federation's sign-in form (" + form.uri() + ")").isEqualTo(200);
        Document page = Jsoup.parse(form.body());
        Map<String, String> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("continue", page.select("input[name=continue]").attr("value"));
        fields.put("_csrf", page.select("input[name=_csrf]").attr("value"));
        HttpResponse<String> sent = session.send("POST", federation + "/auth/login",
                Map.of("Origin", federation, "Sec-Fetch-Site", "same-origin"), fields);
        assertThat(sent.statusCode()).as(name + ": asking for a sign-in link").isEqualTo(200);

        // the link opened in the browser that asked for it signs in and goes back to blog
        assertSignedIn(name, "blog", session.follow(MailedLinks.signInLink(mailDir, email)));
        for (String service : alsoOn) {
            assertSignedIn(name, service, session.follow(url.apply(service) + "/auth/login"));
        }
        return session;
    }

    /** The page answered 200 and its header names the member (federation's auth-menu for a signed-in member). */
    public static void assertSignedIn(String name, String service, HttpResponse<String> home) {
        assertThat(home.statusCode()).as(name + " on " + service + " (" + home.uri() + ")").isEqualTo(200);
        assertThat(Jsoup.parse(home.body()).select(".auth-menu .member-name").text())
                .as(name + " signed in on " + service).isNotEmpty();
    }

    /** Where a redirect goes, as an absolute URL. */
    public static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(response.statusCode() + " without Location: " + response.uri()));
        URI uri = response.uri();
        String host = response.request().headers().firstValue("Host").orElse(uri.getHost() + ":" + uri.getPort());
        return URI.create("http://" + host + "/").resolve(location).toString();
    }

    public static boolean isRedirect(int status) {
        return status >= 300 && status < 400;
    }

    private void keep(String host, String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String cookie = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        String attributes = header.toLowerCase(Locale.ROOT);
        Map<String, String> jar = cookies.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
            jar.remove(cookie);
        } else {
            jar.put(cookie, value);
        }
    }

    private static String encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((n, v) -> body.add(URLEncoder.encode(n, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
