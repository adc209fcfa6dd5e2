package coop.roseash.e2e.faults;

import coop.roseash.e2e.RedisCommands;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.launcher.PlatformConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's faults, over the packaged services: Redis stopped, PostgreSQL restarted while requests flow, and a
 * provider that hangs. The platform here is {@link FaultPlatform}'s own (its own PostgreSQL and Redis), so stopping
 * them touches nothing else. What each test shows is written up in docs/operations.md, "When a part fails".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(200) // after every class on the shared platform: it adds six more JVMs
class FaultsIT {

    /** The fragment timeout of the services (roseash.fragments.timeout-ms). */
    private static final long FRAGMENT_TIMEOUT_MS = 800;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static FaultPlatform platform;
    private static RunningPlatform services;

    @BeforeAll
    static void start() {
        platform = FaultPlatform.start(Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize());
        services = platform.services();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void withRedisStoppedEveryPageRendersAndTheCachesComeBackWithIt() throws Exception {
        assertEveryHomeRenders("before");
        awaitTrue("fragments cached in Redis before it stops", Duration.ofSeconds(20), () -> {
            fetch("blog", "/");
            return RedisCommands.keyCount("localhost", platform.redisPort(), FaultPlatform.REDIS_DB) > 0;
        });

        platform.stopRedis();
        try {
            // twice: the first request after the loss may still find a pooled connection to give up
            assertEveryHomeRenders("Redis stopped");
            assertEveryHomeRenders("Redis stopped");
        } finally {
            platform.startRedis();
        }

        // the restarted Redis is empty: the services find it again by themselves and cache in it again
        awaitTrue("fragments cached in the restarted Redis", Duration.ofSeconds(60), () -> {
            fetch("blog", "/");
            return RedisCommands.keyCount("localhost", platform.redisPort(), FaultPlatform.REDIS_DB) > 0;
        });
        assertEveryHomeRenders("Redis back");
    }

    @Test
    @Order(2)
    void withPostgresRestartedWhileRequestsFlowFailuresAreCleanAndTheServicesRecover() throws Exception {
        // pages that read the database on every request (search is never cached) and every home
        List<String[]> pages = new ArrayList<>();
        pages.add(new String[] {"blog", "/search?q=co-op"});
        for (String service : PlatformConfig.SERVICE_NAMES) {
            pages.add(new String[] {service, "/"});
        }
        assertThat(fetch("blog", "/search?q=co-op").statusCode()).isEqualTo(200);

        List<String> failures = new CopyOnWriteArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (flowing.get()) {
                for (String[] page : pages) {
                    try {
                        HttpResponse<String> response = fetch(page[0], page[1]);
                        statuses.add(response.statusCode());
                        String problem = uncleanFailure(response);
                        if (problem != null) {
                            failures.add(page[0] + page[1] + ": " + problem);
                        }
                    } catch (IOException e) {
                        failures.add(page[0] + page[1] + ": no answer (" + e + ")");
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "faults-load");
        load.start();
        try {
            Thread.sleep(1_000);
            platform.stopPostgres();
            Thread.sleep(6_000);
            platform.startPostgres();
            // every page answers again, without restarting a service
            awaitTrue("search answers 200 three times in a row after PostgreSQL is back", Duration.ofSeconds(60), () ->
                    fetch("blog", "/search?q=co-op").statusCode() == 200
                            && fetch("blog", "/search?q=co-op").statusCode() == 200
                            && fetch("blog", "/search?q=co-op").statusCode() == 200);
        } finally {
            flowing.set(false);
            load.join(30_000);
        }
        assertThat(failures).as("every request during the outage got a clean answer").isEmpty();
        assertThat(statuses).as("the outage was seen: some request got the 503 page").contains(503);
        for (ServiceProcessView service : processes()) {
            assertThat(service.alive()).as(service.name() + " still runs (no restart)").isTrue();
        }
        assertEveryHomeRenders("PostgreSQL back");
    }

    @Test
    @Order(3)
    void aHangingProviderOpensItsCircuitSoPagesStayFastAndItClosesWhenTheProviderRecovers() throws Exception {
        long cart = services.service("cart").pid();
        signal("-STOP", cart);
        List<Long> timings = new ArrayList<>();
        try {
            // the mini cart cached before the hang is shown until it expires (10 s); then each fetch times out
            awaitTrue("blog's page without the mini cart (its cached copy expired)", Duration.ofSeconds(40), () ->
                    Jsoup.parse(fetch("blog", "/").body()).select("a.cart-mini").isEmpty());
            // keep asking until eight requests in a row (2.4 s, longer than the 1 s failure memo) are all fast:
            // the circuit is open and nobody waits for cart any more
            awaitTrue("eight fast pages in a row (the circuit opened)", Duration.ofSeconds(60), () -> {
                for (int i = 0; i < 8; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> page = fetch("blog", "/");
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    timings.add(millis);
                    assertThat(page.statusCode()).isEqualTo(200);
                    if (millis >= FRAGMENT_TIMEOUT_MS / 2) {
                        return false;
                    }
                    Thread.sleep(300);
                }
                return true;
            });
        } finally {
            signal("-CONT", cart);
        }
        assertThat(timings).as("some page did wait for the hanging cart before the circuit opened")
                .anyMatch(millis -> millis >= FRAGMENT_TIMEOUT_MS - 100);
        System.out.println("[faults] blog home timings with cart hanging (ms): " + timings);

        // after the breaker's delay (5 s) one trial call goes through, and the mini cart is back
        awaitTrue("the mini cart back on blog's page (the circuit closed)", Duration.ofSeconds(30), () ->
                !Jsoup.parse(fetch("blog", "/").body()).select("a.cart-mini").isEmpty());
    }

    /** Why a response is not a clean answer (null when it is one): a 200, or an error page for a person. */
    private static String uncleanFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 500) {
            return status == 200 || status == 302 || status == 303 ? null : "status " + status;
        }
        String body = response.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at coop.roseash")) {
            return "status " + status + " with a stack trace";
        }
        // an outage is a 503 that says to try again, with Retry-After, not a 500 "something went wrong"
        if (status != 503 || response.headers().firstValue("Retry-After").isEmpty()) {
            return "status " + status + (status == 503 ? " without Retry-After" : " (an outage should be 503)");
        }
        Document page = Jsoup.parse(body);
        if (!page.select("h1").text().equals("Back in a moment")) {
            return "status 503 without the outage page: " + body.substring(0, Math.min(200, body.length()));
        }
        return null;
    }

    private static void assertEveryHomeRenders(String situation) throws Exception {
        for (String service : PlatformConfig.SERVICE_NAMES) {
            long start = System.nanoTime();
            HttpResponse<String> response = fetch(service, "/");
            long millis = (System.nanoTime() - start) / 1_000_000;
            Document page = Jsoup.parse(response.body());
            assertThat(response.statusCode()).as(service + " home, " + situation).isEqualTo(200);
            assertThat(page.select(".nav-tree a").eachText()).as(service + " header, " + situation)
                    .contains(SharedPlatform.NAV_LABEL);
            assertThat(millis).as(service + " home (ms), " + situation).isLessThan(5_000);
        }
    }

    private static HttpResponse<String> fetch(String service, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(services.address(service).internalUrl() + path))
                        .timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Duration within, Condition condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private record ServiceProcessView(String name, boolean alive) {
    }

    private static List<ServiceProcessView> processes() {
        List<ServiceProcessView> views = new ArrayList<>();
        for (String service : PlatformConfig.SERVICE_NAMES) {
            views.add(new ServiceProcessView(service, services.service(service).isAlive()));
        }
        return views;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
        assertThat(status).as("kill " + signal + " " + pid).isZero();
    }
}
