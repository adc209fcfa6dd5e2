package coop.roseash.e2e.activitypub;

import coop.roseash.devinfra.TestInfrastructure;
import coop.roseash.e2e.RedisCommands;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.e2e.security.WebSession;
import coop.roseash.launcher.PlatformConfig;
import coop.roseash.launcher.ServiceEnvironment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 15's two instances: two whole platforms on this machine, A ({@code NAME.a.localhost}, ports 18501-18506,
 * database {@code roseash_test_fed_a}, Redis index 10) and B ({@code NAME.b.localhost}, ports 18511-18516,
 * {@code roseash_test_fed_b}, Redis index 11), each with its own sealing key, federate through their public addresses
 * only. A member on A signs in, chooses a username, finds {@code @blog@blog.b.localhost:18511} and follows it; B's blog
 * actor accepts; a post B's admin publishes in the blog editor reaches A's home timeline; the member's like on A is a
 * notification on B (the admins' view of the site actors' notifications); B's edit and delete reach A. Every step is
 * a browser's request (cookies, CSRF tokens from the pages, same-origin headers); the activities go between the
 * platforms signed, through the persisted delivery queue.
 *
 * <p>Java does not resolve {@code *.localhost} on every machine (glibc without nss-myhostname does not), so each
 * service JVM reads a hosts file ({@code -Djdk.net.hosts.file}) that names the twelve hosts (and localhost) as
 * 127.0.0.1: the platforms fetch each other's actors and post to each other's inboxes by host name, as two sites on
 * the internet would. The test's own requests go to 127.0.0.1 with the public {@code Host} ({@link WebSession}).
 */
@Order(220) // after every class on the shared platform: it adds twelve more JVMs
class TwoInstancesIT {

    private static final String ADMIN = "admin@rose-ash.coop";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static Instance a;
    private static Instance b;
    private static long started;

    /** One platform: its services, database and mail sink. */
    record Instance(String label, RunningPlatform platform, TestDatabase db, Path mailDir) implements AutoCloseable {
        String url(String service) {
            return platform.address(service).publicUrl();
        }

        /** host:port of a service's public URL: the domain of its handles. */
        String host(String service) {
            return url(service).substring("http://".length());
        }

        @Override
        public void close() {
            platform.close();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        started = System.nanoTime();
        Path root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("e2e-tests/target/two-instances-" + SharedPlatform.RUN);
        Files.createDirectories(work);
        Map<String, PlatformConfig.ServiceAddress> addressesA = RunningPlatform.testAddresses(18501, "a.localhost");
        Map<String, PlatformConfig.ServiceAddress> addressesB = RunningPlatform.testAddresses(18511, "b.localhost");
        Path hosts = hostsFile(work.resolve("hosts"), addressesA, addressesB);
        CompletableFuture<Instance> startingA = CompletableFuture.supplyAsync(() ->
                instance("a", root, work, addressesA, 10, "roseash_test_fed_a", hosts));
        CompletableFuture<Instance> startingB = CompletableFuture.supplyAsync(() ->
                instance("b", root, work, addressesB, 11, "roseash_test_fed_b", hosts));
        try {
            a = startingA.join();
            b = startingB.join();
        } catch (RuntimeException e) {
            startingA.thenAccept(Instance::close);
            startingB.thenAccept(Instance::close);
            throw e;
        }
        System.out.printf("[two-instances] both platforms ready after %.1f s%nA:%n%sB:%n%s", seconds(started),
                a.platform().measurements(), b.platform().measurements());
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        System.out.printf("[two-instances] the class took %.1f s%n", seconds(started));
    }

    @Test
    void aMemberOnAFollowsBsBlogAndSeesItsPostsLikesThemAndSeesEditsAndDeletes() throws Exception {
        // A: a member signs in and chooses a username
        WebSession reader = WebSession.signIn("a reader on A", "reader@example.org", a.mailDir(), a::url, List.of());
        String fedA = a.url("federation");
        Document choose = Jsoup.parse(reader.get(fedA + "/choose-username").body());
        HttpResponse<String> chosen = submit(reader, fedA, "/choose-username", choose,
                Map.of("username", "reader", "display-name", "Rita Reader"));
        assertThat(chosen.statusCode()).as("choosing a username on A").isEqualTo(303);

        // A: finds B's blog actor by its handle and follows it
        String handle = "@blog@" + b.host("blog");
        Document search = Jsoup.parse(reader.get(fedA + "/social/search?q=" + encode(handle)).body());
        assertThat(search.select(".actor-card").text()).as("the search for " + handle + " on A").contains(handle);
        String blogActor = search.select(".actor-card input[name=actor]").attr("value");
        assertThat(blogActor).isEqualTo(b.url("blog") + "/users/blog");
        HttpResponse<String> followed = submit(reader, fedA, "/social/follow", search, Map.of("actor", blogActor));
        assertThat(followed.statusCode()).as("following " + handle).isEqualTo(303);

        // B's blog actor accepts: A shows the follow as accepted
        long t = System.nanoTime();
        String state = await("A shows the follow of " + handle + " as accepted", () -> {
            String shown = Jsoup.parse(reader.get(fedA + "/social/search?q=" + encode(blogActor)).body())
                    .select(".actor-card .follow-state").text();
            return shown.contains("You follow them") ? Optional.of(shown) : Optional.empty();
        });
        System.out.printf("[two-instances] follow accepted after %.1f s: %s%n", seconds(t), state);

        // B: the admin publishes a post in the blog editor
        WebSession admin = WebSession.signIn("the admin of B", ADMIN, b.mailDir(), b::url, List.of());
        String blogB = b.url("blog");
        String title = "News from B " + SharedPlatform.RUN;
        Document editor = Jsoup.parse(admin.get(blogB + "/admin/posts/new").body());
        HttpResponse<String> published = submit(admin, blogB, "/admin/posts", editor, Map.of("type", "post",
                "title", title, "slug", "", "tags", "", "excerpt", "", "feature_image", "",
                "html", "<p>The first version of the news.</p>", "action", "publish"));
        assertThat(published.statusCode()).as("publishing on B").isEqualTo(303);
        Matcher id = Pattern.compile("/admin/posts/(\\d+)").matcher(WebSession.location(published));
        assertThat(id.find()).as("the editor of the new post: " + WebSession.location(published)).isTrue();
        String postPath = "/admin/posts/" + id.group(1);

        // A: the post is on the member's home timeline, from B
        t = System.nanoTime();
        Element post = await("the post on A's home timeline", () -> postOnHome(reader, title));
        System.out.printf("[two-instances] post on A's timeline after %.1f s%n", seconds(t));
        assertThat(post.select(".social-content").text()).isEqualTo("The first version of the news.");
        assertThat(post.select(".social-handle").text()).isEqualTo(handle);
        assertThat(post.select(".social-origin").text()).contains(b.host("blog"));
        String object = post.select("input[name=object]").attr("value");
        assertThat(object).as("the post's id").startsWith(blogB + "/");

        // A: the member likes it; B: the like is a notification of its blog actor, on the admins' notifications page
        Document home = Jsoup.parse(reader.get(fedA + "/social").body());
        HttpResponse<String> liked = submit(reader, fedA, "/social/interact", home, Map.of("object", object, "kind", "like"));
        assertThat(liked.statusCode()).as("liking the post on A").isEqualTo(303);
        assertThat(postOnHome(reader, title).orElseThrow().select("button:contains(Liked)")).hasSize(1);
        String fedB = b.url("federation");
        HttpResponse<String> named = submit(admin, fedB, "/choose-username",
                Jsoup.parse(admin.get(fedB + "/choose-username").body()), Map.of("username", "editor"));
        assertThat(named.statusCode()).as("B's admin chooses a username for the social pages").isEqualTo(303);
        t = System.nanoTime();
        String notification = await("the like as a notification on B", () -> Jsoup.parse(admin.get(fedB + "/social/notifications")
                .body()).select("#site-notifications li").stream().map(Element::text)
                .filter(text -> text.contains("liked") && text.contains(object)).findFirst());
        System.out.printf("[two-instances] like notified on B after %.1f s: %s%n", seconds(t), notification);
        assertThat(notification).contains("To @blog").contains("@reader@" + a.host("federation")).contains("Rita Reader");

        // B: the admin edits the post; A shows the new text
        Document edit = Jsoup.parse(admin.get(blogB + postPath).body());
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of("version", "type", "title", "slug", "tags", "feature_image")) {
            Element field = edit.select("form.editor-form [name=" + name + "]").first();
            fields.put(name, field == null ? "" : field.is("select") ? field.select("option[selected]").attr("value") : field.val());
        }
        fields.put("excerpt", "");
        fields.put("html", "<p>The second version of the news.</p>");
        fields.put("action", "save");
        HttpResponse<String> saved = submit(admin, blogB, postPath, edit, fields);
        assertThat(saved.statusCode()).as("saving the edit on B").isEqualTo(303);
        t = System.nanoTime();
        await("the edit on A", () -> postOnHome(reader, title)
                .filter(p -> p.select(".social-content").text().equals("The second version of the news.")));
        System.out.printf("[two-instances] edit on A after %.1f s%n", seconds(t));

        // B: the admin deletes it; it is gone from A's timeline
        HttpResponse<String> deleted = submit(admin, blogB, postPath + "/delete", Jsoup.parse(admin.get(blogB + postPath).body()),
                Map.of());
        assertThat(deleted.statusCode()).as("deleting on B").isEqualTo(303);
        t = System.nanoTime();
        await("the post gone from A's timeline", () -> postOnHome(reader, title).isEmpty() ? Optional.of(true) : Optional.empty());
        System.out.printf("[two-instances] delete on A after %.1f s%n", seconds(t));
        assertThat(reader.get(fedA + "/social").body()).doesNotContain(title);
    }

    private static Optional<Element> postOnHome(WebSession reader, String title) {
        HttpResponse<String> home = reader.get(a.url("federation") + "/social");
        assertThat(home.statusCode()).as("A's home timeline").isEqualTo(200);
        return Jsoup.parse(home.body()).select("article.social-post").stream()
                .filter(p -> p.select("h2").text().equals(title)).findFirst();
    }

    /** POSTs a form of {@code page} as the browser would: its CSRF token, from the service's own origin. */
    private static HttpResponse<String> submit(WebSession session, String base, String path, Document page,
                                               Map<String, String> fields) {
        String token = page.select("input[name=_csrf]").attr("value");
        if (token.isEmpty()) {
            token = page.select("meta[name=csrf-token]").attr("content");
        }
        assertThat(token).as("a CSRF token on the page before POST " + path).isNotEmpty();
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", token);
        return session.send("POST", base + path, Map.of("Origin", base, "Sec-Fetch-Site", "same-origin"), form);
    }

    private static Instance instance(String label, Path root, Path work, Map<String, PlatformConfig.ServiceAddress> addresses,
                                     int redisDb, String database, Path hosts) {
        TestInfrastructure infra = TestInfrastructure.get();
        TestDatabase db = TestDatabase.fresh(infra.postgres(), database);
        RedisCommands.flushDatabase(infra.redis().host(), infra.redis().port(), redisDb);
        Path dir = work.resolve(label);
        Path mailDir;
        try {
            mailDir = Files.createDirectories(dir.resolve("mail"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = SharedPlatform.standardSettings(dir, mailDir);
        settings.put("JAVA_TOOL_OPTIONS", settings.get("JAVA_TOOL_OPTIONS") + " -Djdk.net.hosts.file=" + hosts);
        settings.put("ROSEASH_BLOG_DEMO_CONTENT", "false"); // the test's own post is the only one
        settings.put("ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY", SharedPlatform.randomKey());
        settings.put("ROSEASH_ACTIVITYPUB_ALLOW_PRIVATE_ADDRESSES", "true"); // both sites are on loopback
        settings.put("ROSEASH_ACTIVITYPUB_DELIVERY_EVERY", "1s");
        settings.put("ROSEASH_ACTIVITYPUB_DELIVERY_INITIAL_BACKOFF", "2s");
        ServiceEnvironment env = new ServiceEnvironment(root.resolve("config/app-config.yaml"))
                .database(db.jdbcUrl(), db.user(), db.password())
                .redis(infra.redis().url(redisDb))
                .with(settings);
        return new Instance(label, RunningPlatform.start(root, env, dir.resolve("service-logs"), addresses), db, mailDir);
    }

    /** The twelve public hosts, localhost and this machine's name, all 127.0.0.1, for the services' JVMs. */
    @SafeVarargs
    private static Path hostsFile(Path file, Map<String, PlatformConfig.ServiceAddress>... platforms) throws IOException {
        List<String> lines = new ArrayList<>(List.of("127.0.0.1 localhost", "127.0.0.1 " + InetAddress.getLocalHost().getHostName()));
        for (Map<String, PlatformConfig.ServiceAddress> addresses : platforms) {
            addresses.values().forEach(address -> lines.add("127.0.0.1 " + java.net.URI.create(address.publicUrl()).getHost()));
        }
        return Files.write(file, lines);
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> check) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            Optional<T> found = check.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + WITHIN.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
