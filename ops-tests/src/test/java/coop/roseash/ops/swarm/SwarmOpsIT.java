package coop.roseash.ops.swarm;

import static coop.roseash.ops.swarm.LocalSwarm.SERVICES;
import static coop.roseash.ops.swarm.LocalSwarm.STACK;
import static coop.roseash.ops.swarm.LocalSwarm.docker;
import static coop.roseash.ops.swarm.LocalSwarm.dockerOut;
import static coop.roseash.ops.swarm.LocalSwarm.image;
import static coop.roseash.ops.swarm.LocalSwarm.runningTasks;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Operations on a real Docker Swarm (issue 17): ops/swarm-local.sh prepares a one-node swarm on this machine, and
 * deploy.sh deploys to it from a clone of this repository, as an operator would. Every request goes to Caddy on
 * 127.0.0.1 (the sites are http://{service}.localhost behind it); containers talk to each other on their own
 * overlay networks. The steps build on each other, in order:
 * <ol>
 * <li>{@code ./deploy.sh --all}: all six services and the databases healthy, every home page through the proxy,
 * a sign-in with the magic link from the mail sink;</li>
 * <li>migrations run once when two blog replicas start together on an empty database (Flyway's lock);</li>
 * <li>{@code ./deploy.sh blog market} after a visible change to both: only those two rebuilt, pushed and updated
 * (the others keep their image and their tasks) while a load loop over all six sees no failed request;</li>
 * <li>a blog image whose health check fails: Swarm rolls it back, the previous version keeps serving, and deploy.sh
 * exits non-zero saying so;</li>
 * <li>cart on two replicas: the session, the CSRF token and the mini cart issued by one replica work on the
 * others;</li>
 * <li>Redis stopped for a minute: no service restarts and no page fails.</li>
 * </ol>
 * The stack and Caddy are removed at the end (the engine, the registry and the cached images stay).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmOpsIT {

    private static final Path ROOT = Path.of(System.getProperty("roseash.root", "..")).toAbsolutePath().normalize();
    private static final Path MAIL = Path.of("/var/lib/roseash-swarm/mail");
    private static final Pattern MAGIC_LINK = Pattern.compile("(http://federation\\.localhost/auth/magic\\?token=[A-Za-z0-9_-]+)");

    private static Path clone;
    private static Map<String, String> env;
    private static Visitor member;
    private static final Map<String, String> timings = new LinkedHashMap<>();

    @BeforeAll
    static void prepare() throws IOException {
        LocalSwarm.prepare(ROOT);
        for (String service : SERVICES) {
            assertThat(ROOT.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar"))
                    .as("the packaged " + service + " (the test runs after the services' package phase)").exists();
        }
        // deploy.sh works from a clean checkout (images are tagged with its commit): a clone of this one, given the
        // fast-jars the reactor built; later steps commit their changes there.
        clone = Files.createTempDirectory("roseash-ops-");
        LocalSwarm.run(ROOT, Map.of(), 300, "git", "clone", "-q", "--no-hardlinks", ROOT.toString(), clone.toString())
                .ok("git clone");
        for (String service : SERVICES) {
            LocalSwarm.run(ROOT, Map.of(), 300, "cp", "-a", "services/" + service + "/target",
                    clone.resolve("services/" + service + "/").toString()).ok("copy " + service + "'s target");
        }
        git("config", "user.email", "ops-test@rose-ash.coop");
        git("config", "user.name", "ops test");
        env = LocalSwarm.deployEnv(clone);
        // A stack from an earlier run goes first, with its data: migrations must meet an empty database.
        LocalSwarm.removeStack();
        for (String volume : List.of(STACK + "_pgdata", STACK + "_redisdata")) {
            docker("volume", "rm", "-f", volume);
        }
        clearMailSink();
    }

    @AfterAll
    static void removeTheStack() {
        if (clone != null) {
            LocalSwarm.removeStack();
            // Caddy too: nothing of the test may keep using the CPU (the engine, registry and images stay)
            docker("rm", "-f", "roseash-caddy");
            LocalSwarm.run(ROOT, Map.of(), 120, "rm", "-rf", clone.toString());
        }
        timings.forEach((what, took) -> System.out.println("[swarm] " + what + ": " + took));
    }

    @Test
    @Order(1)
    void firstDeployBringsUpTheWholeStackBehindTheProxy() throws Exception {
        LocalSwarm.Result deploy = deploy("first deploy (--all)", Map.of("MVN", "true"), "--all", "--skip-tests");
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        for (String service : SERVICES) {
            assertThat(LocalSwarm.replicas(service)).as(service).isEqualTo("1/1");
        }
        for (String database : List.of("postgres", "redis")) {
            LocalSwarm.waitFor(Duration.ofMinutes(2), database + " healthy", () -> "healthy".equals(
                    dockerOut("inspect", "--format", "{{.State.Health.Status}}", LocalSwarm.container(database))));
        }
        Visitor visitor = new Visitor();
        for (String service : SERVICES) {
            HttpResponse<String> home = visitor.get(Visitor.url(service) + "/");
            assertThat(home.statusCode()).as(service + "'s home through the proxy").isEqualTo(200);
            assertThat(home.body()).contains("class=\"site-header\"");
        }
    }

    @Test
    @Order(2)
    void migrationsRunOnceWhenTwoBlogReplicasStartTogether() {
        dockerOut("service", "scale", "-d", STACK + "_blog=0");
        LocalSwarm.waitFor(Duration.ofMinutes(2), "blog stopped", () -> runningTasks("blog").isEmpty()
                && dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_blog").isEmpty());
        psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION roseash;");
        dockerOut("service", "scale", "-d", STACK + "_blog=2");
        LocalSwarm.waitFor(Duration.ofMinutes(6), "two healthy blog replicas", () -> dockerOut("ps", "-q", "--filter",
                "label=com.docker.swarm.service.name=" + STACK + "_blog", "--filter", "health=healthy").lines().count() == 2);
        List<String> logs = dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_blog")
                .lines().map(id -> docker("logs", id).output()).toList();
        assertThat(logs).hasSize(2);
        // One replica migrated; the other waited for Flyway's lock and found the schema up to date.
        assertThat(logs).filteredOn(log -> log.contains("Successfully applied")).hasSize(1);
        assertThat(logs).filteredOn(log -> log.contains("is up to date. No migration necessary")).hasSize(1);
        assertThat(psql("SELECT count(*) - count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL"))
                .as("versions applied twice").isEqualTo("0");
        dockerOut("service", "scale", "-d", STACK + "_blog=1");
        LocalSwarm.waitFor(Duration.ofMinutes(2), "blog back to one replica", () -> runningTasks("blog").size() == 1);
    }

    @Test
    @Order(3)
    void aMemberSignsInThroughTheRealStackWithTheMailedLink() throws Exception {
        member = signIn("member-" + System.nanoTime() + "@example.coop");
        Document account = Jsoup.parse(member.get(Visitor.url("account") + "/").body());
        assertThat(account.select(".auth-menu .sign-out")).as("signed in on account").isNotEmpty();
    }

    @Test
    @Order(4)
    void updatingBlogAndMarketTouchesOnlyThemWhileEveryRequestSucceeds() throws Exception {
        Map<String, String> images = new HashMap<>();
        Map<String, List<String>> tasks = new HashMap<>();
        for (String service : SERVICES) {
            images.put(service, image(service));
            tasks.put(service, runningTasks(service));
        }
        String marker = "ops update " + System.nanoTime();
        edit("services/blog/src/main/java/coop/roseash/blog/home/HomeResource.java",
                "\"Nothing has been published yet.\"", "\"Nothing has been published yet (" + marker + ").\"");
        edit("services/market/src/main/resources/sx/market/home.sx", "No market is open yet.", "No market is open yet (" + marker + ").");
        git("commit", "-q", "-am", "visible change to blog and market");

        LocalSwarm.Result deploy;
        LoadLoop load = LoadLoop.start(2, Duration.ofMinutes(20));
        try (load) {
            deploy = deploy("two-service update (blog market, Maven build included)",
                    Map.of("MVN", System.getProperty("maven.home") + "/bin/mvn -o -q"), "blog", "market", "--skip-tests");
        }
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        assertThat(deploy.output()).contains("Building blog market with Maven");
        for (String service : SERVICES) {
            boolean asked = service.equals("blog") || service.equals("market");
            assertThat(deploy.output().contains("Building image " + env.get("REGISTRY") + "/" + service + ":")).as(service + " built").isEqualTo(asked);
            assertThat(deploy.output().contains("Pushing " + env.get("REGISTRY") + "/" + service + ":")).as(service + " pushed").isEqualTo(asked);
            if (asked) {
                assertThat(image(service)).as(service + "'s image").isNotEqualTo(images.get(service));
            } else {
                assertThat(image(service)).as(service + "'s image").isEqualTo(images.get(service));
                assertThat(runningTasks(service)).as(service + "'s tasks").isEqualTo(tasks.get(service));
            }
        }
        assertThat(load.requests()).as("requests during the update").isGreaterThan(60);
        assertThat(load.failures()).as("failed requests during the rolling update (of " + load.requests() + ")").isEmpty();
        Visitor visitor = new Visitor();
        assertThat(visitor.get(Visitor.url("blog") + "/").body()).contains(marker);
        assertThat(visitor.get(Visitor.url("market") + "/").body()).contains(marker);
    }

    @Test
    @Order(5)
    void aBlogImageWhoseHealthCheckFailsIsRolledBackAndTheOldOneKeepsServing() throws Exception {
        String serving = image("blog");
        // A broken blog: it listens on 127.0.0.2 only, so the stack's health check (curl 127.0.0.1:8080) never passes.
        edit("services/Dockerfile", "QUARKUS_HTTP_HOST=0.0.0.0", "QUARKUS_HTTP_HOST=127.0.0.2");
        git("commit", "-q", "-am", "a blog image whose health check fails");
        LocalSwarm.Result deploy = deploy("rollback of a failing blog", Map.of("MVN", "true"), "blog", "--skip-tests");
        assertThat(deploy.exitCode()).as(deploy.output()).isNotZero();
        assertThat(deploy.output()).containsAnyOf("update of blog failed its health checks; Swarm rolled it back to the previous version",
                "update of blog failed (Swarm paused it) and was rolled back");
        assertThat(image("blog")).as("blog's image after the rollback").isEqualTo(serving);
        HttpResponse<String> home = new Visitor().get(Visitor.url("blog") + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("ops update ");
        git("revert", "--no-edit", "HEAD");
    }

    @Test
    @Order(6)
    void cartOnTwoReplicasKeepsSessionsCsrfAndTheMiniCart() throws Exception {
        // The token and the session cookie come from the one replica cart has now ...
        String token = Jsoup.parse(member.get(Visitor.url("cart") + "/").body()).select("meta[name=csrf-token]").attr("content");
        assertThat(token).isNotEmpty();
        List<String> first = runningTasks("cart");
        dockerOut("service", "scale", "-d", STACK + "_cart=2");
        LocalSwarm.waitFor(Duration.ofMinutes(5), "two healthy cart replicas", () -> healthyContainers("cart") == 2);
        // ... which then goes: whichever replica answers from now on never saw this visitor before.
        dockerOut("stop", LocalSwarm.dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.task.id=" + first.get(0)));
        LocalSwarm.waitFor(Duration.ofMinutes(5), "the replaced replica healthy",
                () -> healthyContainers("cart") == 2 && !runningTasks("cart").contains(first.get(0)));
        for (int i = 0; i < 10; i++) {
            Document cart = Jsoup.parse(member.get(Visitor.url("cart") + "/").body());
            assertThat(cart.select(".auth-menu .sign-out")).as("signed in on cart, request " + i).isNotEmpty();
            Document blog = Jsoup.parse(member.get(Visitor.url("blog") + "/").body());
            assertThat(blog.select("#cart-mini .cart-mini-count").text()).as("the mini cart on blog").isEqualTo("0");
        }
        String cart = Visitor.url("cart");
        Map<String, String> sameOrigin = Map.of("Origin", cart, "Sec-Fetch-Site", "same-origin");
        assertThat(member.post(cart + "/lines/1/remove", sameOrigin, Map.of()).statusCode())
                .as("a post without the CSRF token").isEqualTo(403);
        // accepted: the line is not there (404), which the cart says after the CSRF check let the post through
        assertThat(member.post(cart + "/lines/1/remove", sameOrigin, Map.of("_csrf", token)).statusCode())
                .as("a post with the token an earlier replica issued").isNotEqualTo(403).isLessThan(500);
        dockerOut("service", "scale", "-d", STACK + "_cart=1");
    }

    @Test
    @Order(7)
    void redisAwayForAMinuteRestartsNothingAndLosesNoPage() throws Exception {
        Map<String, List<String>> tasks = new HashMap<>();
        LocalSwarm.waitFor(Duration.ofMinutes(2), "cart back to one replica", () -> runningTasks("cart").size() == 1);
        for (String service : SERVICES) {
            tasks.put(service, LocalSwarm.allTasks(service));
        }
        dockerOut("service", "scale", "-d", STACK + "_redis=0");
        LocalSwarm.waitFor(Duration.ofMinutes(1), "redis stopped", () -> dockerOut("ps", "-q", "--filter",
                "label=com.docker.swarm.service.name=" + STACK + "_redis").isEmpty());
        LoadLoop load = LoadLoop.start(1, Duration.ofMinutes(5));
        try (load) {
            LocalSwarm.sleep(Duration.ofSeconds(60));
            // every service's health check ran several times meanwhile (every 10 s)
            for (String service : SERVICES) {
                assertThat(LocalSwarm.allTasks(service)).as(service + "'s tasks while Redis is away").isEqualTo(tasks.get(service));
            }
        } finally {
            dockerOut("service", "scale", "-d", STACK + "_redis=1");
        }
        assertThat(load.requests()).isGreaterThan(12);
        assertThat(load.failures()).as("pages that failed while Redis was away").isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static LocalSwarm.Result deploy(String what, Map<String, String> extra, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        String[] command = new String[args.length + 1];
        command[0] = "./deploy.sh";
        System.arraycopy(args, 0, command, 1, args.length);
        long started = System.nanoTime();
        LocalSwarm.Result result = LocalSwarm.run(clone, all, 1800, command);
        timings.put(what, Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s (exit " + result.exitCode() + ")");
        return result;
    }

    private static long healthyContainers(String service) {
        return dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_" + service,
                "--filter", "health=healthy").lines().count();
    }

    private static String psql(String sql) {
        return dockerOut("exec", LocalSwarm.container("postgres"), "psql", "-U", "roseash", "-d", "roseash", "-tAq",
                "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    private static void git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        LocalSwarm.run(clone, Map.of(), 60, command).ok("git " + String.join(" ", args));
    }

    private static void edit(String file, String from, String to) throws IOException {
        Path path = clone.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private static void clearMailSink() throws IOException {
        if (Files.isDirectory(MAIL)) {
            try (Stream<Path> files = Files.list(MAIL)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Signs in on account through federation's magic link, as a browser would, then on each client service. */
    private static Visitor signIn(String email) throws Exception {
        Visitor visitor = new Visitor();
        String federation = Visitor.url("federation");
        HttpResponse<String> login = visitor.get(Visitor.url("account") + "/auth/login");
        assertThat(login.uri().getHost()).isEqualTo("federation.localhost");
        Document form = Jsoup.parse(login.body());
        Map<String, String> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("continue", form.select("input[name=continue]").attr("value"));
        fields.put("_csrf", form.select("input[name=_csrf]").attr("value"));
        HttpResponse<String> sent = visitor.post(federation + "/auth/login", Map.of("Origin", federation, "Sec-Fetch-Site", "same-origin"), fields);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        HttpResponse<String> back = visitor.get(magicLink(email));
        assertThat(back.uri().getHost()).as("back on account after the link").isEqualTo("account.localhost");
        for (String service : SERVICES) {
            if (!service.equals("federation")) {
                visitor.get(Visitor.url(service) + "/auth/login");
            }
        }
        return visitor;
    }

    private static String magicLink(String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(MAIL)) {
                Optional<String> link = files.filter(f -> f.toString().endsWith(".eml")).map(SwarmOpsIT::read)
                        .filter(eml -> eml.contains("To: " + email + "\r\n")).map(MAGIC_LINK::matcher)
                        .filter(Matcher::find).map(m -> m.group(1)).findFirst();
                if (link.isPresent()) {
                    return link.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no sign-in mail to " + email + " in " + MAIL);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
