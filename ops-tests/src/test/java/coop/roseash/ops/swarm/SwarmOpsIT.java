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
 * <li>{@code ./deploy.sh --all} on an empty database, with two blog replicas: all six services and the databases
 * healthy, every home page through the proxy;</li>
 * <li>the two blog replicas started together ran the migrations once (Flyway's lock);</li>
 * <li>a sign-in with the magic link from the mail sink;</li>
 * <li>{@code ./deploy.sh blog market} after a visible change to both: only those two rebuilt, pushed and updated
 * (the others keep their image and their tasks) while a load loop over all six sees no failed request;</li>
 * <li>{@code ./deploy.sh} with no arguments finds what changed from the deployed image tags against git: nothing
 * after the update above, then only events after a change to events alone;</li>
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
            // refused while a stopped container of the removed stack still holds it: Swarm removes those a moment later
            LocalSwarm.waitFor(Duration.ofMinutes(2), "volume " + volume + " removed",
                    () -> docker("volume", "rm", "-f", volume).exitCode() == 0 && docker("volume", "inspect", volume).exitCode() != 0);
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
        // Two blog replicas from the start, on the empty database prepare() left: both run Flyway at once (step 2).
        // deploy.sh passes every file in STACK_OVERRIDE to docker stack deploy; later deploys update single services.
        Path twoBlogs = Files.createTempFile("roseash-two-blogs-", ".yml");
        Files.writeString(twoBlogs, "version: \"3.8\"\nservices:\n  blog:\n    deploy:\n      replicas: 2\n");
        LocalSwarm.Result deploy = deploy("first deploy (--all, blog on 2 replicas)",
                Map.of("MVN", "true", "STACK_OVERRIDE", env.get("STACK_OVERRIDE") + " " + twoBlogs), "--all", "--skip-tests");
        Files.delete(twoBlogs);
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        for (String service : SERVICES) {
            assertThat(LocalSwarm.replicas(service)).as(service).isEqualTo(service.equals("blog") ? "2/2" : "1/1");
        }
        for (String service : SERVICES) {
            LocalSwarm.waitFor(Duration.ofMinutes(5), service + " healthy", () -> healthyContainers(service)
                    == (service.equals("blog") ? 2 : 1));
        }
        for (String database : List.of("postgres", "redis")) {
            LocalSwarm.waitFor(Duration.ofMinutes(2), database + " healthy", () -> "healthy".equals(
                    dockerOut("inspect", "--format", "{{.State.Health.Status}}", LocalSwarm.container(database))));
        }
        timings.put("memory of the stack (every container, blog on 2 replicas)", stackMemory());
        Visitor visitor = new Visitor();
        for (String service : SERVICES) {
            HttpResponse<String> home = visitor.get(Visitor.url(service) + "/");
            assertThat(home.statusCode()).as(service + "'s home through the proxy").isEqualTo(200);
            assertThat(home.body()).contains("class=\"site-header\"");
        }
    }

    @Test
    @Order(2)
    void migrationsRanOnceWhenTwoBlogReplicasStartedTogether() {
        // Not by dropping the schema under the running stack: every service shares the database, and federation,
        // for one, keeps what it synced at start (the OAuth clients); the first deploy met an empty database.
        List<String> logs = dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_blog")
                .lines().map(id -> docker("logs", id).output()).toList();
        try {
            assertThat(logs).hasSize(2);
            // One replica migrated; the other waited for Flyway's lock and found the schema up to date.
            assertThat(logs).filteredOn(log -> log.contains("Successfully applied")).hasSize(1);
            assertThat(logs).filteredOn(log -> log.contains("is up to date. No migration necessary")).hasSize(1);
            assertThat(psql("SELECT count(*) - count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .as("versions applied twice").isEqualTo("0");
        } finally {
            // the later steps expect one blog replica, whatever this one found
            dockerOut("service", "scale", "-d", STACK + "_blog=1");
            LocalSwarm.waitFor(Duration.ofMinutes(2), "blog back to one replica", () -> runningTasks("blog").size() == 1
                    && dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_blog").lines().count() == 1);
        }
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
        Map<String, String> images = images();
        Map<String, List<String>> tasks = tasks();
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
        assertOnlyUpdated(deploy, images, tasks, "blog", "market");
        timings.put("load loop during the two-service update", load.requests() + " requests, " + load.failures().size() + " failed");
        assertThat(load.requests()).as("requests during the update").isGreaterThan(60);
        assertThat(load.failures()).as("failed requests during the rolling update (of " + load.requests() + ")").isEmpty();
        Visitor visitor = new Visitor();
        assertThat(visitor.get(Visitor.url("blog") + "/").body()).contains(marker);
        assertThat(visitor.get(Visitor.url("market") + "/").body()).contains(marker);
    }

    @Test
    @Order(5)
    void deployWithoutArgumentsUpdatesWhatChangedSinceTheDeployedTags() throws Exception {
        Map<String, String> images = images();
        Map<String, List<String>> tasks = tasks();
        LocalSwarm.Result nothing = deploy("deploy.sh without arguments, nothing changed", Map.of("MVN", "false"), "--skip-tests");
        assertThat(nothing.exitCode()).as(nothing.output()).isZero();
        assertThat(nothing.output()).contains("Nothing to deploy");
        assertOnlyUpdated(nothing, images, tasks);

        String marker = "ops change " + System.nanoTime();
        edit("services/events/src/main/resources/sx/events/home.sx", "No calendars yet.", "No calendars yet (" + marker + ").");
        git("commit", "-q", "-am", "visible change to events alone");
        LocalSwarm.Result changed = deploy("deploy.sh without arguments, events changed (Maven build included)",
                Map.of("MVN", System.getProperty("maven.home") + "/bin/mvn -o -q"), "--skip-tests");
        assertThat(changed.exitCode()).as(changed.output()).isZero();
        assertThat(changed.output()).containsPattern("events +\\S+:[0-9a-f]{12} +\\(services/events/src/main/resources/sx/events/home.sx changed since");
        assertThat(changed.output()).contains("Building events with Maven");
        assertOnlyUpdated(changed, images, tasks, "events");
        assertThat(new Visitor().get(Visitor.url("events") + "/").body()).contains(marker);
    }

    @Test
    @Order(6)
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
    @Order(7)
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
    @Order(8)
    void redisAwayForAMinuteRestartsNothingAndLosesNoPage() throws Exception {
        Map<String, List<String>> tasks = new HashMap<>();
        LocalSwarm.waitFor(Duration.ofMinutes(2), "cart back to one replica", () -> runningTasks("cart").size() == 1);
        // The tasks meant to run: a restarted task is replaced by one with a new id. (Not every task the service
        // ever had: Swarm prunes the tasks of the slot cart's scale-down removed, which says nothing about restarts.)
        for (String service : SERVICES) {
            tasks.put(service, runningTasks(service));
        }
        dockerOut("service", "scale", "-d", STACK + "_redis=0");
        LocalSwarm.waitFor(Duration.ofMinutes(1), "redis stopped", () -> dockerOut("ps", "-q", "--filter",
                "label=com.docker.swarm.service.name=" + STACK + "_redis").isEmpty());
        LoadLoop load = LoadLoop.start(1, Duration.ofMinutes(5));
        try (load) {
            LocalSwarm.sleep(Duration.ofSeconds(60));
            // every service's health check ran several times meanwhile (every 10 s)
            for (String service : SERVICES) {
                assertThat(runningTasks(service)).as(service + "'s tasks while Redis is away").isEqualTo(tasks.get(service));
            }
        } finally {
            dockerOut("service", "scale", "-d", STACK + "_redis=1");
        }
        timings.put("load loop while Redis was away", load.requests() + " requests, " + load.failures().size() + " failed");
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

    private static Map<String, String> images() {
        Map<String, String> images = new HashMap<>();
        SERVICES.forEach(service -> images.put(service, image(service)));
        return images;
    }

    private static Map<String, List<String>> tasks() {
        Map<String, List<String>> tasks = new HashMap<>();
        SERVICES.forEach(service -> tasks.put(service, runningTasks(service)));
        return tasks;
    }

    /**
     * deploy.sh built, pushed and updated exactly these services; the others kept their image and their tasks (the
     * images and tasks are what the services had before the deploy).
     */
    private static void assertOnlyUpdated(LocalSwarm.Result deploy, Map<String, String> images, Map<String, List<String>> tasks,
            String... updated) {
        List<String> asked = List.of(updated);
        for (String service : SERVICES) {
            boolean expected = asked.contains(service);
            assertThat(deploy.output().contains("Building image " + env.get("REGISTRY") + "/" + service + ":")).as(service + " built").isEqualTo(expected);
            assertThat(deploy.output().contains("Pushing " + env.get("REGISTRY") + "/" + service + ":")).as(service + " pushed").isEqualTo(expected);
            if (expected) {
                assertThat(image(service)).as(service + "'s image").isNotEqualTo(images.get(service));
            } else {
                assertThat(image(service)).as(service + "'s image").isEqualTo(images.get(service));
                assertThat(runningTasks(service)).as(service + "'s tasks").isEqualTo(tasks.get(service));
            }
        }
    }

    /** The memory every container of the stack uses now (docker stats), in MiB, and per container. */
    private static String stackMemory() {
        String stats = dockerOut("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}");
        double total = 0;
        StringBuilder each = new StringBuilder();
        for (String line : stats.lines().filter(l -> l.startsWith(STACK + "_")).toList()) {
            String[] parts = line.split("\\s+");
            double mib = mebibytes(parts[1]);
            total += mib;
            each.append(", ").append(parts[0].replaceAll("^" + STACK + "_([a-z]+)\\.(\\d+)\\..*", "$1.$2")).append(' ')
                    .append(Math.round(mib));
        }
        return Math.round(total) + " MiB (" + each.substring(2) + ")";
    }

    private static double mebibytes(String size) {
        Matcher m = Pattern.compile("([0-9.]+)([KMG]i?B)").matcher(size);
        if (!m.find()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).charAt(0)) {
            case 'K' -> value / 1024;
            case 'G' -> value * 1024;
            default -> value;
        };
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
        assertThat(login.statusCode()).as("federation's sign-in page, reached from " + login.uri()).isEqualTo(200);
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
