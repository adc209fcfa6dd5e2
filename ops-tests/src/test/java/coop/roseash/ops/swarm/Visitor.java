package coop.roseash.ops.swarm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A visitor of the test stack: requests go to Caddy on 127.0.0.1 (as the HTTP proxy: the sites are
 * http://{service}.localhost, which Java would not resolve, and no request may go to any other address), which
 * routes each host to its service as production's proxy does. Cookies are kept per host as a browser keeps them
 * for these sites (no Domain or Path is relied on), and redirects are followed.
 */
final class Visitor {

    static final int PROXY_PORT = 18000;
    private static final int MAX_REDIRECTS = 20;

    // HTTP/1.1 as browsers speak to these services
    private final HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", PROXY_PORT)))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    static String url(String service) {
        return "http://" + service + ".localhost";
    }

    /** GET, following redirects: the last response. */
    HttpResponse<String> get(String url) throws IOException {
        return follow(send("GET", url, Map.of(), null));
    }

    /** A form POST with these headers, following the redirect after it. */
    HttpResponse<String> post(String url, Map<String, String> headers, Map<String, String> form) throws IOException {
        return follow(send("POST", url, headers, form));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException {
        for (int i = 0; i < MAX_REDIRECTS && response.statusCode() >= 300 && response.statusCode() < 400; i++) {
            HttpResponse<String> redirect = response;
            String location = redirect.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException(redirect.statusCode() + " without Location from " + redirect.uri()));
            response = send("GET", redirect.uri().resolve(location).toString(), Map.of(), null);
        }
        return response;
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, Map<String, String> form)
            throws IOException {
        URI uri = URI.create(url);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", "text/html");
        if (form != null) {
            StringJoiner encoded = new StringJoiner("&");
            form.forEach((n, v) -> encoded.add(URLEncoder.encode(n, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            body = HttpRequest.BodyPublishers.ofString(encoded.toString());
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        Map<String, String> jar = cookies.getOrDefault(uri.getHost(), Map.of());
        if (!jar.isEmpty()) {
            StringJoiner cookie = new StringJoiner("; ");
            jar.forEach((n, v) -> cookie.add(n + "=" + v));
            request.header("Cookie", cookie.toString());
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> keep(uri.getHost(), header));
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void keep(String host, String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        String attributes = header.toLowerCase(Locale.ROOT);
        Map<String, String> jar = cookies.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
            jar.remove(name);
        } else {
            jar.put(name, value);
        }
    }
}
