package coop.roseash.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks over HTTP that a running service answers like a Rose Ash service: its home page is a full HTML page in the
 * shared layout with the security headers, engine requests get {@code text/sx}, errors get the friendly page,
 * readiness is UP and metrics answer. Used by each service's tests and by anyone smoke-testing a deployment.
 */
public final class ShellProbe {

    /** Security headers every response carries, with a fragment each value must contain. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "script-src 'self'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final List<String> problems = new ArrayList<>();

    private ShellProbe(URI base) {
        this.base = base;
    }

    /**
     * Everything wrong with the service at {@code base} (for example {@code http://127.0.0.1:8001/}); empty when fine.
     *
     * @param homeContains markup the home page must contain (its title, its heading)
     */
    public static List<String> problems(URI base, String... homeContains) {
        ShellProbe probe = new ShellProbe(base);
        probe.run(homeContains);
        return probe.problems;
    }

    private void run(String... homeContains) {
        HttpResponse<String> home = get("/", Map.of());
        expectPage(home, "home page", 200);
        for (String markup : homeContains) {
            expect(home.body().contains(markup), "home page does not contain " + markup);
        }
        expectHeaderContains(home, "home page", "Content-Security-Policy", "frame-ancestors 'none'");
        expect(home.body().contains("<meta name=\"csrf-token\""), "home page has no csrf-token meta tag");

        HttpResponse<String> engine = get("/", Map.of("SX-Request", "true"));
        expectStatus(engine, "engine request", 200);
        expectHeaderContains(engine, "engine request", "Content-Type", "text/sx");
        expectHeaderContains(engine, "engine request", "Vary", "SX-Request");
        expect(!engine.body().contains("<html"), "engine request got a full HTML page");

        HttpResponse<String> missing = get("/no-such-page-" + System.nanoTime(), Map.of());
        expectPage(missing, "missing page", 404);
        expect(!missing.body().contains("Exception"), "missing page shows an exception");

        HttpResponse<String> ready = get("/q/health/ready", Map.of());
        expectStatus(ready, "readiness", 200);
        expect(ready.body().replace(" ", "").contains("\"status\":\"UP\""), "readiness is not UP: " + ready.body());

        HttpResponse<String> live = get("/q/health/live", Map.of());
        expectStatus(live, "liveness", 200);

        HttpResponse<String> metrics = get("/q/metrics", Map.of());
        expectStatus(metrics, "metrics", 200);
        expect(metrics.body().contains("# TYPE"), "metrics are not in Prometheus format");
    }

    private void expectPage(HttpResponse<String> page, String what, int status) {
        expectStatus(page, what, status);
        expectHeaderContains(page, what, "Content-Type", "text/html");
        expectHeaderContains(page, what, "Vary", "SX-Request");
        SECURITY_HEADERS.forEach((name, value) -> expectHeaderContains(page, what, name, value));
        expect(page.body().startsWith("<!DOCTYPE html>"), what + " is not a full HTML page");
        expect(page.body().contains("class=\"site-header\""), what + " has no site header");
        expect(page.body().contains("/static/sx.js"), what + " does not load sx.js");
    }

    private void expectStatus(HttpResponse<String> response, String what, int status) {
        expect(response.statusCode() == status, what + ": status " + response.statusCode() + ", expected " + status);
    }

    private void expectHeaderContains(HttpResponse<String> response, String what, String header, String fragment) {
        String value = String.join(", ", response.headers().allValues(header));
        expect(value.contains(fragment), what + ": header " + header + " is \"" + value + "\", expected it to contain \"" + fragment + "\"");
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base.resolve(path) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
