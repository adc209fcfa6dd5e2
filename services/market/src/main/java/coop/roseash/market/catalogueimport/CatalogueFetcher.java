package coop.roseash.market.catalogueimport;

import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the wholesaler's pages politely and with bounds: a pause of {@code delay} after each answer from a host
 * before the next request to it (so a slow wholesaler is not hurried either), a
 * connect timeout, and a deadline for the whole page (headers and body, so a server that stalls mid-body is cut
 * off too). Anything but a 200 HTML page is {@link PageSkipped skipped} with the reason. Called by the one import
 * worker; the throttle is per process, and one run at a time means one process reads the wholesaler.
 */
@ApplicationScoped
public class CatalogueFetcher {

    static final String USER_AGENT = "RoseAsh-catalogue-import/1 (+https://roseash.coop)";

    private final Duration delay;
    private final Duration readTimeout;
    private final HttpClient http;
    private final Map<String, Long> nextRequestAt = new HashMap<>();

    CatalogueFetcher(ImportConfig config) {
        this.delay = config.delay();
        this.readTimeout = config.readTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The page at {@code url}, parsed; interrupted, it gives up at once (the run stays for a later take-over). */
    public Document get(String url) throws PageSkipped, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PageSkipped("not a URL: " + e.getMessage());
        }
        String host = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        awaitTurn(host);
        try {
            return fetch(uri);
        } finally {
            synchronized (nextRequestAt) {
                nextRequestAt.put(host, System.nanoTime() + delay.toNanos());
            }
        }
    }

    private Document fetch(URI uri) throws PageSkipped, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html").GET().build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = answer.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new PageSkipped("no complete answer within " + readTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the request's own timeout and the wait above have the same length and race: one message for both
                throw new PageSkipped("no complete answer within " + readTimeout.toMillis() + " ms");
            }
            throw new PageSkipped("could not fetch: " + cause);
        }
        if (response.statusCode() != 200) {
            throw new PageSkipped("answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("text/html") && !type.startsWith("application/xhtml")) {
            throw new PageSkipped("not an HTML page (" + type + ")");
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private void awaitTurn(String host) throws InterruptedException {
        long wait;
        synchronized (nextRequestAt) {
            wait = nextRequestAt.getOrDefault(host, 0L) - System.nanoTime();
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
