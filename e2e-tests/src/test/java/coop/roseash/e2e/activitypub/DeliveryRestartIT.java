package coop.roseash.e2e.activitypub;

import coop.roseash.devinfra.TestInfrastructure;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.launcher.ServiceEnvironment;
import coop.roseash.launcher.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ActivityPub delivery queue survives its sender restarting: 100 activities are queued for a remote inbox (the
 * test's {@link CountingInbox}, which checks each POST's digest and signature against federation's published key),
 * and the packaged federation service, which posts them, is stopped gracefully partway (as a rolling update stops
 * it), started again, killed with SIGKILL partway, and started once more. At the receiver every activity arrives;
 * across the graceful restart none arrives twice, and across the crash at most the one POST in flight does (the
 * lease brings it back; receivers absorb it by the activity's id).
 */
class DeliveryRestartIT {

    private static final int ACTIVITIES = 100;
    private static final int PORT = 18117;
    private static final Duration READY = Duration.ofSeconds(180);

    private static Path root;
    private static TestDatabase db;
    private static CountingInbox inbox;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        TestInfrastructure infra = TestInfrastructure.get();
        db = TestDatabase.fresh(infra.postgres(), "roseash_test_e2e_delivery");
        Path work = Files.createDirectories(root.resolve("e2e-tests/target/delivery-restart"));
        Map<String, String> settings = SharedPlatform.standardSettings(work, Files.createDirectories(work.resolve("mail")));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        settings.put("ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        settings.put("ROSEASH_ACTIVITYPUB_ALLOW_PRIVATE_ADDRESSES", "true");
        settings.put("ROSEASH_ACTIVITYPUB_DELIVERY_EVERY", "500ms");
        // after the crash the claimed rows come back within seconds, not the production two minutes
        settings.put("ROSEASH_ACTIVITYPUB_DELIVERY_LEASE", "5s");
        settings.put("ROSEASH_SERVICES_FEDERATION_PUBLIC_URL", "http://federation.localhost:" + PORT);
        env = new ServiceEnvironment(root.resolve("config/app-config.yaml"))
                .database(db.jdbcUrl(), db.user(), db.password())
                .redis(infra.redis().url(Integer.parseInt(System.getProperty("roseash.test.redis-db", "9"))))
                .with(settings).toMap();
        // each POST takes a while to answer, so a restart lands in the middle of the queue
        inbox = CountingInbox.start(Duration.ofMillis(60));
    }

    @AfterAll
    static void tearDown() {
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void aHundredQueuedActivitiesArriveAcrossARestartAndACrash() throws Exception {
        ServiceProcess first = start("federation-sender-1");
        // the service actor is created, with its keypair, the first time its document is asked for
        String actorJson = fetchActor();
        inbox.trust(publicKeyPem(actorJson));
        queue(ACTIVITIES);

        long started = System.nanoTime();
        waitUntil(() -> inbox.distinct() >= 25, Duration.ofSeconds(60), "25 deliveries before the restart");
        first.stop(); // SIGTERM: Quarkus shuts down gracefully, as a rolling update stops a task
        int atStop = inbox.total();
        assertThat(atStop).as("the queue was not finished before the restart").isLessThan(ACTIVITIES);
        assertThat(count("state = 'delivered'")).as("every POST the receiver answered is recorded as delivered")
                .isEqualTo(inbox.distinct());
        assertThat(count("state = 'pending' AND claim_token IS NOT NULL"))
                .as("the claimed batch is handed back at a graceful stop, not left to its lease").isZero();
        assertThat(inbox.duplicates()).as("activities received twice across the graceful restart").isEmpty();

        ServiceProcess second = start("federation-sender-2");
        waitUntil(() -> inbox.distinct() >= 60, Duration.ofSeconds(60), "60 deliveries before the crash");
        // the process, not a thread: no shutdown hooks, the batch stays claimed until its lease runs out
        ProcessHandle.of(second.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(second.pid()).ifPresent(p -> p.onExit().join());
        int atKill = inbox.total();
        assertThat(atKill).as("the queue was not finished before the crash").isLessThan(ACTIVITIES);

        ServiceProcess third = start("federation-sender-3");
        try {
            waitUntil(() -> count("state = 'delivered'") == ACTIVITIES, Duration.ofSeconds(90), "all delivered");
        } finally {
            third.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(inbox.distinct()).as("distinct activities at the receiver").isEqualTo(ACTIVITIES);
        assertThat(inbox.ids()).containsExactlyInAnyOrderElementsOf(queuedIds());
        assertThat(inbox.refused()).as("POSTs whose digest or signature did not verify").isZero();
        assertThat(inbox.duplicates().size()).as("activities received twice: at most the one in flight at the crash, "
                + inbox.duplicates()).isLessThanOrEqualTo(1);
        assertThat(count("state <> 'delivered'")).isZero();
        System.out.printf("[activitypub] %d activities delivered across a graceful restart (at %d) and a SIGKILL (at %d)"
                + " in %.1f s including three starts; %d received twice%n", ACTIVITIES, atStop, atKill, seconds,
                inbox.duplicates().size());
    }

    private static ServiceProcess start(String name) {
        return ServiceProcess.start(name, ServiceProcess.jarOf(root, "federation"), PORT, env, root,
                root.resolve("e2e-tests/target/service-logs/" + name + ".log")).awaitReady(READY);
    }

    private static String fetchActor() throws Exception {
        HttpResponse<String> actor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/users/federation"))
                .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(actor.statusCode()).as(actor.body()).isEqualTo(200);
        return actor.body();
    }

    private static String publicKeyPem(String actorJson) {
        Matcher m = Pattern.compile("\"publicKeyPem\"\\s*:\\s*\"([^\"]+)\"").matcher(actorJson);
        assertThat(m.find()).as("publicKeyPem in " + actorJson).isTrue();
        return m.group(1).replace("\\n", "\n");
    }

    /** What federation's bus handler leaves when an actor publishes: outbox rows and one delivery each, pending. */
    private static void queue(int count) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long actor;
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM actor_profiles WHERE service_actor = 'federation'");
                 ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("federation's service actor").isTrue();
                actor = rs.getLong(1);
            }
            String base = "http://federation.localhost:" + PORT;
            try (PreparedStatement out = c.prepareStatement("INSERT INTO ap_outbox (actor_profile_id, actor_service,"
                    + " activity_uri, activity_type, object_uri, activity) VALUES (?, 'federation', ?, 'Create', ?, CAST(? AS jsonb))"
                    + " RETURNING id");
                 PreparedStatement delivery = c.prepareStatement("INSERT INTO ap_deliveries (outbox_id, inbox_url) VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = base + "/activities/restart-" + i;
                    String note = base + "/notes/restart-" + i;
                    out.setLong(1, actor);
                    out.setString(2, id);
                    out.setString(3, note);
                    out.setString(4, "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id
                            + "\",\"type\":\"Create\",\"actor\":\"" + base + "/users/federation\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],"
                            + "\"object\":{\"id\":\"" + note + "\",\"type\":\"Note\",\"content\":\"<p>Number " + i + "</p>\"}}");
                    try (ResultSet rs = out.executeQuery()) {
                        rs.next();
                        delivery.setLong(1, rs.getLong(1));
                    }
                    delivery.setString(2, inbox.url());
                    delivery.addBatch();
                }
                delivery.executeBatch();
            }
            c.commit();
        }
    }

    private static List<String> queuedIds() throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT activity_uri FROM ap_outbox");
             ResultSet rs = st.executeQuery()) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static long count(String where) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT count(*) FROM ap_deliveries WHERE " + where);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the receiver has " + inbox.distinct()
                        + " distinct of " + inbox.total() + " POSTs");
            }
            Thread.sleep(20);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
