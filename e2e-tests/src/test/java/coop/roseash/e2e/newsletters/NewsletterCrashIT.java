package coop.roseash.e2e.newsletters;

import coop.roseash.devinfra.TestInfrastructure;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.launcher.ServiceEnvironment;
import coop.roseash.launcher.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsletter send survives its process being killed: the packaged account service sends an issue to 2,000
 * subscribers through a real SMTP server (the test's {@link SmtpSink}), is killed with SIGKILL halfway, started
 * again, and every subscriber ends up with exactly one copy. Throughout, the progress the admin's page shows
 * (the committed delivery rows, {@code Deliveries.progress}) never counts more than the sink accepted and trails it
 * by at most the one email in flight.
 */
class NewsletterCrashIT {

    private static final int SUBSCRIBERS = 2000;
    private static final int PORT = 18116;
    private static final Duration READY = Duration.ofSeconds(180);

    private static Path root;
    private static TestDatabase db;
    private static SmtpSink sink;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        TestInfrastructure infra = TestInfrastructure.get();
        db = TestDatabase.fresh(infra.postgres(), "roseash_test_e2e_newsletters");
        sink = new SmtpSink();
        Map<String, String> secrets = new HashMap<>();
        secrets.put("ROSEASH_INTERNAL_HMAC_SECRET", UUID.randomUUID().toString());
        secrets.put("ROSEASH_SESSION_ENCRYPTION_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        secrets.put("ROSEASH_DEVICE_ID_SECRET", UUID.randomUUID().toString());
        secrets.put("ROSEASH_OAUTH_CLIENT_ACCOUNT_SECRET", UUID.randomUUID().toString());
        secrets.put("ROSEASH_ACCOUNT_UNSUBSCRIBE_SECRET", UUID.randomUUID().toString());
        // no sign-in needed here, and no federation to discover
        secrets.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        // over SMTP to the sink, not into a sink folder
        secrets.put("ROSEASH_MAIL_SINK_DIR", "");
        secrets.put("QUARKUS_MAILER_MOCK", "false");
        secrets.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        secrets.put("QUARKUS_MAILER_PORT", Integer.toString(sink.port()));
        secrets.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        secrets.put("ROSEASH_ACCOUNT_SENDING_EVERY", "1s");
        secrets.put("ROSEASH_SERVICES_ACCOUNT_PUBLIC_URL", "http://account.localhost:" + PORT);
        secrets.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        env = new ServiceEnvironment(root.resolve("config/app-config.yaml"))
                .database(db.jdbcUrl(), db.user(), db.password())
                .redis(infra.redis().url(Integer.parseInt(System.getProperty("roseash.test.redis-db", "9"))))
                .with(secrets).toMap();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aSendKilledHalfwayAndRestartedDeliversExactlyOneCopyToEach() throws Exception {
        long issue = queueSendTo(SUBSCRIBERS);
        List<String> checks = new ArrayList<>();
        // one kill halfway; -Dnewsletters.kills=N kills N times, evenly spread, to measure the crash window
        int kills = Integer.getInteger("newsletters.kills", 1);
        List<String> killLog = new ArrayList<>();
        double rate = 0;
        for (int k = 1; k <= kills; k++) {
            int killAt = SUBSCRIBERS * k / (kills + 1);
            ServiceProcess sender = start("account-sender-" + k);
            long started = System.nanoTime();
            int startCount = sink.count();
            int atKill = waitFor(() -> sink.count() >= killAt, issue, checks, Duration.ofSeconds(120));
            if (k == 1) {
                rate = (atKill - startCount) / ((System.nanoTime() - started) / 1e9);
            }
            // the process, not a thread: SIGKILL, no shutdown hooks, no chance to finish its transaction
            ProcessHandle.of(sender.pid()).orElseThrow().destroyForcibly();
            ProcessHandle.of(sender.pid()).ifPresent(p -> p.onExit().join());
            Thread.sleep(500);
            Progress afterKill = progress(issue);
            int sinkAfterKill = sink.count();
            assertThat(afterKill.state).isEqualTo("sending");
            assertThat(afterKill.sent).isBetween((long) sinkAfterKill - 1, (long) sinkAfterKill);
            assertThat(sinkAfterKill).isLessThan(SUBSCRIBERS);
            killLog.add(atKill + "->" + sinkAfterKill + (afterKill.sent < sinkAfterKill ? " (one in flight)" : ""));
        }

        ServiceProcess last = start("account-sender-" + (kills + 1));
        try {
            waitFor(() -> "sent".equals(progress(issue).state), issue, checks, Duration.ofSeconds(180));
        } finally {
            last.stop();
        }
        System.out.printf("[newsletters] %d subscribers, %d kill(s) at sink counts %s; %.0f emails/s before the first"
                + " kill; %d progress checks%n", SUBSCRIBERS, kills, killLog, rate, checks.size());

        Map<String, Integer> copies = sink.copiesPerRecipient();
        List<String> twice = copies.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList();
        assertThat(twice).as("recipients without exactly one copy").isEmpty();
        assertThat(copies).hasSize(SUBSCRIBERS);
        assertThat(sink.count()).isEqualTo(SUBSCRIBERS);
        Progress done = progress(issue);
        assertThat(done.sent).isEqualTo(SUBSCRIBERS);
        assertThat(done.total).isEqualTo(SUBSCRIBERS);

        // every copy carries its own recipient's one-click unsubscribe link (RFC 8058)
        Pattern header = Pattern.compile("List-Unsubscribe: <(http://account\\.localhost:\\d+/unsubscribe/(\\d+)\\.[A-Za-z0-9_-]+)>");
        for (SmtpSink.Message m : sink.messages().subList(0, 20)) {
            Matcher matcher = header.matcher(m.data());
            assertThat(matcher.find()).as("List-Unsubscribe in\n" + m.data()).isTrue();
            assertThat(m.data()).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
            assertThat(subscriptionEmail(Long.parseLong(matcher.group(2)))).isEqualTo(m.recipients().get(0));
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    /**
     * Polls until the condition holds, checking at every poll that the committed progress never runs ahead of the
     * sink and trails it by at most the one email in flight; the sink's count when it holds.
     */
    private static int waitFor(Condition condition, long issue, List<String> checks, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int before = sink.count();
            Progress p = progress(issue);
            int after = sink.count();
            assertThat(p.sent).as("progress %s against the sink's %d..%d", p, before, after)
                    .isLessThanOrEqualTo(after).isGreaterThanOrEqualTo(before - 1L);
            checks.add(p.toString());
            if (condition.met()) {
                return sink.count();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out; sink has " + sink.count() + ", progress " + progress(issue));
    }

    private static ServiceProcess start(String name) {
        return ServiceProcess.start(name, ServiceProcess.jarOf(root, "account"), PORT, env, root,
                root.resolve("e2e-tests/target/service-logs/" + name + ".log")).awaitReady(READY);
    }

    private record Progress(String state, long total, long sent) {
    }

    /** The same numbers the admin's progress box shows (account's {@code Deliveries.progress}). */
    private static Progress progress(long issue) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT i.send_state,"
                + " count(d.subscription_id), count(d.subscription_id) FILTER (WHERE d.state = 'sent')"
                + " FROM newsletter_issues i LEFT JOIN newsletter_deliveries d ON d.issue_id = i.id"
                + " WHERE i.id = ? GROUP BY i.send_state")) {
            st.setLong(1, issue);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Progress(rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /**
     * A newsletter with {@code count} subscribers and an issue queued for all of them, as the admin's send button
     * leaves it (account's {@code SendStarter}: the issue 'sending', one pending delivery row per subscriber).
     */
    private static long queueSendTo(int count) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long newsletter = one(c, "INSERT INTO newsletters (slug, name) VALUES ('crash-test', 'Crash test news') RETURNING id");
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO subscriptions (newsletter_id, email, unsubscribe_token) VALUES (?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    st.setLong(1, newsletter);
                    st.setString(2, "reader-" + i + "@example.org");
                    st.setString(3, UUID.randomUUID().toString());
                    st.addBatch();
                }
                st.executeBatch();
            }
            long issue = one(c, "INSERT INTO newsletter_issues (newsletter_id, subject, body_html, send_state, send_started_at)"
                    + " VALUES (" + newsletter + ", 'Crash test', '<p>One copy each, please.</p>', 'sending', now()) RETURNING id");
            try (PreparedStatement st = c.prepareStatement("INSERT INTO newsletter_deliveries (issue_id, subscription_id, email)"
                    + " SELECT ?, id, email FROM subscriptions WHERE newsletter_id = ? AND status = 'subscribed'")) {
                st.setLong(1, issue);
                st.setLong(2, newsletter);
                assertThat(st.executeUpdate()).isEqualTo(count);
            }
            c.commit();
            return issue;
        }
    }

    private static String subscriptionEmail(long id) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT email FROM subscriptions WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
