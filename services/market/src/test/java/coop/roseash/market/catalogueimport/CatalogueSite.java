package coop.roseash.market.catalogueimport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A wholesaler's web catalogue over real HTTP (the JDK's server on a free loopback port): the fixture pages of
 * {@code src/test/resources/catalogue/}, a product link that answers 404 ({@code /product/discontinued}) and one
 * that hangs ({@code /product/slow-to-load}, longer than the import's read timeout). Tests change pages
 * ({@link #serve}), hold one page back until released ({@link #hold}), and read which pages were requested when.
 */
public class CatalogueSite implements QuarkusTestResourceLifecycleManager {

    public static final String HANGS = "/product/slow-to-load";
    /** The import's pause between requests in these tests. */
    public static final long DELAY_MS = 25;

    /** One request as the site saw it. */
    public record Hit(String path, long atNanos) {
    }

    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch[]> HELD = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<Hit> HITS = new ConcurrentLinkedQueue<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "catalogue-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
        reset();
        return Map.of("roseash.market.import.start-url", baseUrl() + "/catalogue/",
                "roseash.market.import.delay", DELAY_MS + "ms",
                "roseash.market.import.read-timeout", "1s",
                "roseash.market.import.resume-check", "off");
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to the fixture catalogue, nothing held, no hits. */
    public static void reset() {
        PAGES.clear();
        HELD.values().forEach(l -> l[1].countDown());
        HELD.clear();
        HITS.clear();
        PAGES.put("/catalogue/", fixture("index.html"));
        for (String c : List.of("dried-fruit", "grains", "drinks")) {
            PAGES.put("/catalogue/" + c, fixture(c + ".html"));
        }
        PAGES.put("/catalogue/dried-fruit?page=2", fixture("dried-fruit-2.html"));
        for (String p : List.of("apricots", "dates", "figs", "raisins", "prunes", "jumbo-oats", "porridge-oats",
                "brown-rice", "quinoa", "apple-juice", "oat-drink", "price-on-request", "no-code")) {
            PAGES.put("/product/" + p, fixture("product/" + p + ".html"));
        }
    }

    public static String page(String pathAndQuery) {
        return PAGES.get(pathAndQuery);
    }

    public static void serve(String pathAndQuery, String html) {
        PAGES.put(pathAndQuery, html);
    }

    /** Holds requests for the page until {@link #release}; the returned latch opens when the first one arrives. */
    public static CountDownLatch hold(String pathAndQuery) {
        CountDownLatch[] latches = {new CountDownLatch(1), new CountDownLatch(1)};
        HELD.put(pathAndQuery, latches);
        return latches[0];
    }

    public static void release(String pathAndQuery) {
        CountDownLatch[] latches = HELD.remove(pathAndQuery);
        if (latches != null) {
            latches[1].countDown();
        }
    }

    public static List<Hit> hits() {
        return List.copyOf(HITS);
    }

    public static void clearHits() {
        HITS.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        HITS.add(new Hit(key, System.nanoTime()));
        try (exchange) {
            CountDownLatch[] held = HELD.get(key);
            if (held != null) {
                held[0].countDown();
                held[1].await(60, TimeUnit.SECONDS);
            }
            if (key.equals(HANGS)) {
                TimeUnit.SECONDS.sleep(10);  // far past the import's read timeout
            }
            String html = PAGES.get(key);
            byte[] body = (html == null ? "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>" : html)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the importer gave up on this page and closed the connection: nothing to answer
        }
    }

    private static String fixture(String name) {
        try (InputStream in = CatalogueSite.class.getResourceAsStream("/catalogue/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
