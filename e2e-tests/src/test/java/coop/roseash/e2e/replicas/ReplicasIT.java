package coop.roseash.e2e.replicas;

import coop.roseash.devinfra.TestInfrastructure;
import coop.roseash.e2e.RedisCommands;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.e2e.security.WebSession;
import coop.roseash.launcher.CaddyProxy;
import coop.roseash.launcher.Replicas;
import coop.roseash.launcher.ServiceEnvironment;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 16's replicas: two of blog, of cart and of federation (whose sign-in rate limit is the platform's one limit)
 * behind Debian's Caddy with the repository's {@code ops/caddy/Caddyfile}, every request of the test through it, and
 * each replica naming itself in {@code X-Roseash-Instance}. Caddy sends consecutive requests to alternate replicas
 * (round robin), and the tests check that both answered wherever it matters. What it shows is in docs/operations.md,
 * "When a part fails". A platform of its own (ports 18201-18206, second replicas on 18301-18305, Redis index 8).
 * Without {@code caddy} it is skipped with a notice, unless {@code OPS_REQUIRE_TOOLS=true} (CI) makes that a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(210) // after every class on the shared platform: it adds nine more JVMs
class ReplicasIT {

    static final int FIRST_PORT = 18201;
    static final int REDIS_DB = 8;
    static final Replicas REPLICAS = Replicas.parse("blog=2,cart=2,federation=2");
    private static final String ADMIN = "admin@rose-ash.coop";
    private static final String INSTANCE = "X-Roseash-Instance";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static RunningPlatform platform;
    private static TestDatabase db;
    private static Path mailDir;
    private static WebSession admin;

    @BeforeAll
    static void start() throws IOException {
        if (!CaddyProxy.installed()) {
            String notice = "'caddy' is not installed (Debian: apt-get install caddy): skipping the replicas test";
            if ("true".equals(System.getenv("OPS_REQUIRE_TOOLS"))) {
                fail(notice + "; OPS_REQUIRE_TOOLS=true makes this a failure");
            }
            assumeTrue(false, notice + " (set OPS_REQUIRE_TOOLS=true to fail instead)");
        }
        Path root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        TestInfrastructure infra = TestInfrastructure.get();
        db = TestDatabase.fresh(infra.postgres(), "roseash_test_replicas");
        RedisCommands.flushDatabase(infra.redis().host(), infra.redis().port(), REDIS_DB);
        Path work = root.resolve("e2e-tests/target/replicas-" + SharedPlatform.RUN);
        mailDir = Files.createDirectories(work.resolve("mail"));
        Map<String, String> settings = SharedPlatform.standardSettings(work, mailDir);
        // every replica signs CSRF tokens with the one secret, as the stack's web_csrf_secret gives them
        settings.put("ROSEASH_WEB_CSRF_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        // no demo site: the tests need none, and two blogs would write it at once
        settings.put("ROSEASH_BLOG_DEMO_CONTENT", "false");
        ServiceEnvironment env = new ServiceEnvironment(root.resolve("config/app-config.yaml"))
                .database(db.jdbcUrl(), db.user(), db.password())
                .redis(infra.redis().url(REDIS_DB))
                .with(settings);
        platform = RunningPlatform.startBehindProxy(root, env, work.resolve("service-logs"), FIRST_PORT, REPLICAS);
        System.out.println("[replicas] " + REPLICAS + " behind Caddy on port " + platform.proxyPort() + "\n" + platform.measurements());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void requestsThroughCaddyReachEveryReplicaAndNeverTheOperatorPaths() {
        WebSession visitor = new WebSession("a visitor");
        for (String service : List.of("blog", "cart", "federation")) {
            Set<String> answered = new LinkedHashSet<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> home = visitor.get(url(service) + "/");
                assertThat(home.statusCode()).as(service + " home through Caddy").isEqualTo(200);
                answered.add(instance(home));
            }
            assertThat(answered).as("the replicas of " + service + " that answered four requests")
                    .containsExactlyInAnyOrder(service + "-1", service + "-2");
        }
        assertThat(instance(visitor.get(url("market") + "/"))).isEqualTo("market-1");
        for (String path : List.of("/q/health/ready", "/q/metrics", "/internal/fragments/nav-tree", "/q")) {
            HttpResponse<String> refused = visitor.get(url("blog") + path);
            assertThat(refused.statusCode()).as(path + " through Caddy").isEqualTo(404);
            assertThat(refused.headers().firstValue(INSTANCE)).as(path + ": Caddy answers itself, no replica sees it").isEmpty();
        }
    }

    @Test
    @Order(2)
    void aSessionStartedOnOneReplicaIsValidOnTheOther() throws InterruptedException {
        admin = WebSession.signIn("the admin", ADMIN, mailDir, ReplicasIT::url, List.of("cart"));
        for (String service : List.of("blog", "cart")) {
            Set<String> answered = new LinkedHashSet<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> home = admin.get(url(service) + "/");
                WebSession.assertSignedIn("the admin", service + " (" + instance(home) + ")", home);
                answered.add(instance(home));
            }
            assertThat(answered).as("replicas of " + service + " that saw the session").hasSize(2);
        }
    }

    @Test
    @Order(3)
    void aCsrfTokenFromOneReplicaIsAcceptedByTheOtherAndTheMenuChangeReachesBothNearCaches() throws InterruptedException {
        signedInAdmin();
        // both blogs render the home, so both hold the menu (nav-tree, 60 s) in their near cache
        Set<String> rendered = new LinkedHashSet<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> home = admin.get(url("blog") + "/");
            rendered.add(instance(home));
            assertThat(home.body()).doesNotContain("Replicas link");
        }
        assertThat(rendered).hasSize(2);

        String label = null;
        for (int attempt = 0; attempt < 4 && label == null; attempt++) {
            HttpResponse<String> form = admin.get(url("blog") + "/admin/menu");
            assertThat(form.statusCode()).isEqualTo(200);
            String token = Jsoup.parse(form.body()).select("meta[name=csrf-token]").attr("content");
            assertThat(token).as("the CSRF token on the menu admin page").isNotEmpty();
            String candidate = "Replicas link " + attempt;
            HttpResponse<String> added = admin.send("POST", url("blog") + "/admin/menu/add-link",
                    Map.of("Origin", url("blog"), "Sec-Fetch-Site", "same-origin", "X-CSRF-Token", token),
                    Map.of("label", candidate, "target", "/", "_csrf", token));
            assertThat(added.statusCode()).as("adding a menu link on " + instance(added) + " with the token "
                    + instance(form) + " issued").isEqualTo(303);
            if (!instance(added).equals(instance(form))) {
                label = candidate; // issued by one replica, accepted by the other
            }
        }
        assertThat(label).as("a token issued by one blog replica accepted by the other").isNotNull();

        // the replica that changed the menu dropped its own copy; the other hears of it through Redis pub/sub, well
        // before the 60 s the copy would otherwise live
        String added = label;
        awaitOnBothReplicas("blog", "the new menu link on the home", Duration.ofSeconds(5),
                home -> home.body().contains(added));
    }

    @Test
    @Order(4)
    void aCartChangeThroughOneReplicaShowsInTheMiniCartThroughTheOther() throws InterruptedException {
        signedInAdmin();
        long member = db.userId(ADMIN);
        long kept = db.insertMemberCartItem(member, 9_101, 1);
        long removed = db.insertMemberCartItem(member, 9_102, 2);
        // both blogs and both carts cache the header's cart-mini (3 items; 10 s) before the change
        awaitOnBothReplicas("blog", "the mini cart counting 3", Duration.ofSeconds(15), home -> "3".equals(miniCart(home)));
        awaitOnBothReplicas("cart", "the mini cart counting 3", Duration.ofSeconds(15), home -> "3".equals(miniCart(home)));

        String token = Jsoup.parse(admin.get(url("cart") + "/").body()).select("meta[name=csrf-token]").attr("content");
        HttpResponse<String> remove = admin.send("POST", url("cart") + "/lines/" + removed + "/remove",
                Map.of("Origin", url("cart"), "Sec-Fetch-Site", "same-origin", "X-CSRF-Token", token), Map.of("_csrf", token));
        assertThat(remove.statusCode()).as("removing a line through " + instance(remove)).isEqualTo(303);
        assertThat(db.longOrMinusOne("SELECT sum(quantity) FROM cart_items WHERE user_id = ?", member)).isEqualTo(1);

        awaitOnBothReplicas("blog", "the mini cart counting 1 after the change on " + instance(remove), Duration.ofSeconds(5),
                home -> "1".equals(miniCart(home)));
        awaitOnBothReplicas("cart", "the mini cart counting 1 after the change on " + instance(remove), Duration.ofSeconds(5),
                home -> "1".equals(miniCart(home)));
        assertThat(kept).isPositive();
    }

    @Test
    @Order(5)
    void theEventBusDeliversEachActivityOnceWithTwoReplicasConsuming() throws Exception {
        int count = 300;
        Map<String, Double> before = processedByEachCart();
        db.insertActivities("Login", "cart", count);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (db.longOrMinusOne("SELECT count(*) FROM activity_deliveries WHERE service = 'cart' AND state = 'pending'") > 0) {
            assertThat(System.nanoTime()).as("every delivery processed within 90 s").isLessThan(deadline);
            Thread.sleep(250);
        }
        Map<String, Double> after = processedByEachCart();
        List<Double> handled = new ArrayList<>();
        after.forEach((replica, total) -> handled.add(total - before.getOrDefault(replica, 0.0)));
        System.out.println("[replicas] deliveries handled by each cart replica: " + after.keySet() + " " + handled);
        assertThat(handled.stream().mapToDouble(Double::doubleValue).sum()).as("deliveries handled, both carts together")
                .isEqualTo(count);
        assertThat(handled).as("both cart replicas took part").allMatch(n -> n > 0);
        assertThat(db.longOrMinusOne("SELECT count(*) FROM activity_deliveries WHERE service = 'cart'"
                + " AND (state <> 'processed' OR attempts > 0)")).as("deliveries not processed, or failed once").isZero();
    }

    @Test
    @Order(6)
    void theSignInRateLimitCountsAcrossReplicas() {
        WebSession visitor = new WebSession("a visitor asking for sign-in links");
        String federation = url("federation");
        String email = "limited." + SharedPlatform.RUN + "@example.org";
        Set<String> answered = new LinkedHashSet<>();
        List<Integer> statuses = new ArrayList<>();
        Document form = Jsoup.parse(visitor.get(federation + "/auth/login").body());
        // roseash.federation.login.max-per-email: 5 links per address and client in 15 minutes, whichever replica
        // counts; one request after another, so Caddy sends them to alternate replicas
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> asked = visitor.send("POST", federation + "/auth/login",
                    Map.of("Origin", federation, "Sec-Fetch-Site", "same-origin"),
                    Map.of("email", email, "continue", "/", "_csrf", form.select("input[name=_csrf]").attr("value")));
            statuses.add(asked.statusCode());
            answered.add(instance(asked));
        }
        assertThat(answered).as("federation replicas that counted").hasSize(2);
        assertThat(statuses).as("five links, then refused (each replica alone would have counted three)")
                .containsExactly(200, 200, 200, 200, 200, 429);
    }

    private static void signedInAdmin() {
        assumeTrue(admin != null, "needs the admin signed in (aSessionStartedOnOneReplicaIsValidOnTheOther)");
    }

    /**
     * Requests the service's home through Caddy until {@code shows} holds on a response of each replica (failing
     * after {@code within}): every replica must show it, not only the one that made the change.
     */
    private static void awaitOnBothReplicas(String service, String what, Duration within,
                                            Predicate<HttpResponse<String>> shows) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> showing = new LinkedHashSet<>();
        String last = "";
        while (showing.size() < 2) {
            HttpResponse<String> home = admin.get(url(service) + "/");
            if (home.statusCode() == 200 && shows.test(home)) {
                showing.add(instance(home));
            } else {
                showing.remove(instance(home));
                last = instance(home) + " answered " + home.statusCode() + " without it";
            }
            if (System.nanoTime() > deadline) {
                fail(what + ": not on both " + service + " replicas within " + within.toSeconds() + " s (showing: "
                        + showing + "; " + last + ")");
            }
            Thread.sleep(100);
        }
    }

    private static String miniCart(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select(".cart-mini-count").text();
    }

    /** Each cart replica's count of processed deliveries ({@code roseash.event.deliveries}), read directly from it. */
    private static Map<String, Double> processedByEachCart() throws IOException, InterruptedException {
        Map<String, Double> processed = new TreeMap<>();
        for (String replica : List.of("cart", "cart-2")) {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.service(replica).port()
                    + "/q/metrics")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            double total = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("roseash_event_deliveries_total{") && line.contains("outcome=\"processed\"")
                        && line.contains("service=\"cart\"")) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            processed.put(replica, total);
        }
        return processed;
    }

    private static String instance(HttpResponse<String> response) {
        return response.headers().firstValue(INSTANCE).orElse("(no " + INSTANCE + ")");
    }

    private static String url(String service) {
        return platform.address(service).publicUrl();
    }
}
