package coop.roseash.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.TestInfrastructure;
import coop.roseash.launcher.PlatformConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform as a visitor and as another service meet it: the six packaged services on ports 18001-18006 against a
 * fresh test database, over real HTTP. Every home page shows the header composed from blog's nav-tree, federation's
 * auth-menu and cart's cart-mini; internal requests need the signature; with cart hanging or stopped, pages still
 * render within the fragment timeout.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(100) // last: it freezes and stops cart
class PlatformIT {

    private static final String NAV_LABEL = SharedPlatform.NAV_LABEL;
    private static final String DEVICE = SharedPlatform.DEVICE;
    private static final String SECRET = SharedPlatform.SECRET;
    // app-config.yaml's roseash.fragments.timeout-ms
    private static final long FRAGMENT_TIMEOUT_MS = 800;
    private static final List<String> SERVICES = PlatformConfig.SERVICE_NAMES;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static RunningPlatform platform;
    private static TestInfrastructure infra;
    private static int redisDb;

    @BeforeAll
    static void useTheSharedPlatform() {
        SharedPlatform shared = SharedPlatform.get();
        platform = shared.platform();
        infra = shared.infrastructure();
        redisDb = shared.redisDb();
    }

    @Test
    @Order(1)
    void everyHomePageShowsTheHeaderComposedFromTheThreeProviders() throws Exception {
        for (String service : SERVICES) {
            HttpResponse<String> response = get(service, "/", Map.of());
            assertThat(response.statusCode()).as(service + " home").isEqualTo(200);
            Document page = Jsoup.parse(response.body());

            assertThat(page.select(".nav-tree a").eachText()).as(service + " nav-tree").contains(NAV_LABEL, "Market");
            assertThat(page.select(".nav-tree a:contains(" + NAV_LABEL + ")").attr("href"))
                    .as("a blog path in the menu links to the blog from every host").isEqualTo("http://blog.localhost:18001/about/");
            assertThat(page.select(".nav-tree a:containsOwn(Market)").attr("href")).isEqualTo("http://market.localhost:18002/");
            assertThat(page.select(".auth-menu a.sign-in").text()).as(service + " auth-menu").isEqualTo("Sign in");
            assertThat(page.select(".auth-menu a.sign-in").attr("href")).isEqualTo("/auth/login");
            assertThat(page.select("a.cart-mini").attr("href")).as(service + " cart-mini").isEqualTo("http://cart.localhost:18003/");
            // the visitor of a plain HTTP request has no device id yet: an empty cart
            assertThat(page.select("a.cart-mini .cart-mini-count").text()).isEqualTo("0");
        }
    }

    @Test
    @Order(2)
    void cartMiniCountsTheItemsInTheCartOfTheVisitorsDevice() throws Exception {
        HttpResponse<String> response = signedGet("cart", "/internal/fragments/cart-mini", Map.of("device_id", DEVICE), SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select("a.cart-mini .cart-mini-count").text()).isEqualTo("3");
    }

    @Test
    @Order(3)
    void theBatchFormReturnsSeveralFragmentsAsJson() throws Exception {
        HttpResponse<String> response = signedGet("blog", "/internal/fragments", Map.of("type", "nav-tree"), SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("application/json"));
        assertThat(response.body()).startsWith("{\"nav-tree\":\"").contains(NAV_LABEL);
    }

    @Test
    @Order(4)
    void aFragmentRequestWithoutAValidSignatureIsForbiddenOnEveryService() throws Exception {
        for (String service : SERVICES) {
            assertThat(get(service, "/internal/fragments/nav-tree", Map.of()).statusCode())
                    .as(service + ": no headers").isEqualTo(403);
            assertThat(get(service, "/internal/fragments/nav-tree", Map.of(
                    "X-Fragment-Request", "1",
                    "X-Internal-Timestamp", Long.toString(Instant.now().getEpochSecond()),
                    "X-Internal-Signature", "00".repeat(32))).statusCode())
                    .as(service + ": forged signature").isEqualTo(403);
            assertThat(signedGet(service, "/internal/fragments/nav-tree", Map.of(), "some-other-secret").statusCode())
                    .as(service + ": signed with another secret").isEqualTo(403);
            String other = service.equals("blog") ? "cart" : "blog";
            assertThat(signedGet(service, other, "/internal/fragments/nav-tree", Map.of(), SECRET).statusCode())
                    .as(service + ": signed for " + other).isEqualTo(403);
        }
    }

    @Test
    @Order(5)
    void startUpTimeAndPeakMemoryOfEachService() {
        String table = platform.measurements();
        System.out.println("[e2e] start-up time and peak RSS (VmHWM) after serving the tests above\n" + table);
        for (String service : SERVICES) {
            // generous bounds: they catch a service that hangs at start or leaks, not a slow machine
            assertThat(platform.service(service).startupTime()).as(service + " start-up")
                    .isPositive().isLessThan(Duration.ofSeconds(120));
            assertThat(platform.service(service).peakRssKib()).as(service + " peak RSS (KiB)").isPresent();
            assertThat(platform.service(service).peakRssKib().getAsLong()).as(service + " peak RSS (KiB)")
                    .isBetween(1L, 1024L * 1024);
        }
    }

    @Test
    @Order(6)
    void withCartHangingEveryPageWaitsAtMostTheFragmentTimeout() throws Exception {
        long cart = platform.service("cart").pid();
        signal("-STOP", cart); // accepts connections (the kernel does), never answers
        try {
            assertEveryPageRendersWithoutTheMiniCart("cart hanging");
        } finally {
            signal("-CONT", cart);
        }
    }

    @Test
    @Order(7)
    void withCartStoppedEveryPageStillRendersWithinTheFragmentTimeout() throws Exception {
        platform.service("cart").stop();
        assertEveryPageRendersWithoutTheMiniCart("cart stopped");
    }

    private static void assertEveryPageRendersWithoutTheMiniCart(String situation) throws Exception {
        // what cart rendered before is cached for cart-mini's TTL, in Redis and in each service's near cache;
        // drop it, as its expiry would: empty Redis, then tell every process to empty its near cache
        RedisCommands.flushDatabase(infra.redis().host(), infra.redis().port(), redisDb);
        RedisCommands.publish(infra.redis().host(), infra.redis().port(), "fragment-cache:invalidate:" + redisDb, "e2e\tALL");
        for (String service : SERVICES) {
            if (service.equals("cart")) {
                continue;
            }
            HttpResponse<String> response;
            Document page;
            long millis;
            // the ALL message reaches each process asynchronously: until it has, its near cache may still show the
            // old mini cart, so ask again briefly; every answer must still come within the fragment timeout
            int attempt = 0;
            do {
                if (attempt > 0) {
                    Thread.sleep(200);
                }
                long start = System.nanoTime();
                response = get(service, "/", Map.of());
                millis = (System.nanoTime() - start) / 1_000_000;
                page = Jsoup.parse(response.body());

                assertThat(response.statusCode()).as(service + " home, " + situation).isEqualTo(200);
                // the fragment timeout plus the page's own rendering; a page that waited for cart would take far longer
                assertThat(millis).as(service + " render time (ms), " + situation).isLessThan(FRAGMENT_TIMEOUT_MS + 1_000);
            } while (!page.select("a.cart-mini").isEmpty() && ++attempt < 10);
            assertThat(page.select(".nav-tree a").eachText()).as(service).contains(NAV_LABEL);
            assertThat(page.select(".auth-menu a.sign-in").text()).as(service).isEqualTo("Sign in");
            assertThat(page.select("a.cart-mini")).as(service + ": the mini cart is empty, not an error").isEmpty();
            System.out.printf("[e2e] %s home with %s: %d ms%n", service, situation, millis);
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
        assertThat(status).as("kill " + signal + " " + pid).isZero();
    }

    private static HttpResponse<String> get(String service, String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.address(service).internalUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> signedGet(String service, String path, Map<String, String> query, String secret)
            throws IOException, InterruptedException {
        return signedGet(service, service, path, query, secret);
    }

    /** A request to {@code service} signed as if it were for {@code target}. */
    private static HttpResponse<String> signedGet(String service, String target, String path, Map<String, String> query,
                                                  String secret) throws IOException, InterruptedException {
        long now = Instant.now().getEpochSecond();
        StringBuilder url = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> param : query.entrySet()) {
            url.append(separator).append(FragmentSigner.encode(param.getKey())).append('=').append(FragmentSigner.encode(param.getValue()));
            separator = "&";
        }
        return get(service, url.toString(), Map.of(
                "X-Fragment-Request", "1",
                "X-Internal-Timestamp", Long.toString(now),
                "X-Internal-Signature", new FragmentSigner(secret).sign(target, path, query, now)));
    }
}
