package coop.roseash.market.catalogueimport;

import coop.roseash.devinfra.PostgresServer;
import coop.roseash.devinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash for real: the packaged market service imports on its schedule and is killed with SIGKILL halfway; a
 * second process of the same jar takes the run over once its heartbeat is stale and finishes it from its frontier.
 * Runs after packaging (failsafe), against a database of its own.
 */
class CatalogueImportCrashIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String DATABASE = System.getProperty("roseash.test.database", "roseash_test_market") + "_crash";
    private static final CatalogueSite SITE = new CatalogueSite();
    private static Map<String, String> siteConfig;
    private static final List<Process> PROCESSES = new ArrayList<>();

    /** The fixture catalogue, and an empty database: the first process migrates it (a schema is the sign it is up). */
    @BeforeAll
    static void startSiteAndEmptyDatabase() throws SQLException {
        siteConfig = SITE.start();
        PostgresServer postgres = TestInfrastructure.get().postgres();
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.adminUser(),
                postgres.adminPassword()); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");  // a fixed name, never input
        }
        postgres.ensureDatabase(DATABASE, null);
    }

    @AfterAll
    static void stopAll() {
        PROCESSES.forEach(Process::destroyForcibly);
        SITE.stop();
    }

    @Test
    void aServiceKilledWithSigkillHalfwayIsTakenOverByTheNextProcessWhichFinishesFromTheFrontier() throws Exception {
        assertThat(JAR).as("the packaged service (mvn package)").isRegularFile();
        // every second: the scheduled run starts as soon as the market page exists
        Process first = launch("first", Map.of("roseash.market.import.cron", "* * * * * ?",
                "roseash.market.import.resume-check", "off"));
        await(Duration.ofMinutes(3), () -> query("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_name = 'catalogue_import_runs'") == 1);
        update("INSERT INTO market_pages (container_type, container_id, title, slug) VALUES ('page', 1, 'Shop', 'crash-shop')");
        await(Duration.ofMinutes(2), () -> query("SELECT coalesce(sum(pages_visited + pages_skipped), 0) "
                + "FROM catalogue_import_runs") >= 8);

        first.destroyForcibly().waitFor();  // SIGKILL: no shutdown hook, no finally, no last write
        assertThat(query("SELECT count(*) FROM catalogue_import_runs WHERE state = 'running'")).isEqualTo(1);
        Set<String> done = paths("SELECT url FROM catalogue_import_urls WHERE state <> 'pending'");
        long productsBefore = query("SELECT count(*) FROM products");
        assertThat(done.size()).isBetween(8, 19);
        assertThat(productsBefore).isLessThan(11);
        CatalogueSite.clearHits();

        launch("second", Map.of("roseash.market.import.cron", "off", "roseash.market.import.resume-check", "1s"));
        await(Duration.ofMinutes(3), () -> query("SELECT count(*) FROM catalogue_import_runs WHERE state = 'finished'") == 1);

        assertThat(query("SELECT count(*) FROM catalogue_import_runs")).isEqualTo(1);  // the same run, resumed
        assertThat(query("SELECT count(*) FROM products WHERE available")).isEqualTo(11);
        assertThat(query("SELECT products_created FROM catalogue_import_runs")).isEqualTo(11);
        assertThat(query("SELECT pages_visited FROM catalogue_import_runs")).isEqualTo(16);
        List<String> fetchedAfter = CatalogueSite.hits().stream().map(CatalogueSite.Hit::path).toList();
        assertThat(fetchedAfter).doesNotContainAnyElementsOf(done).hasSize(20 - done.size());
    }

    /** The packaged service with the test database, Redis, the fixture catalogue and these settings. */
    private static Process launch(String name, Map<String, String> settings) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + infra.postgres().jdbcUrl(DATABASE),
                "-Dquarkus.datasource.username=" + infra.postgres().adminUser(),
                "-Dquarkus.datasource.password=" + infra.postgres().adminPassword(),
                "-Dquarkus.redis.hosts=" + infra.redis().url(Integer.getInteger("roseash.test.redis-db", 2)), "-Dquarkus.flyway.migrate-at-start=true",
                "-Dquarkus.oidc.tenant-enabled=false", "-Droseash.market.import.market-page=crash-shop",
                "-Droseash.market.import.delay=150ms", "-Droseash.market.import.stale-after=3s"));
        siteConfig.forEach((k, v) -> {
            if (!k.endsWith("resume-check") && !k.endsWith(".delay")) {
                command.add("-D" + k + "=" + v);
            }
        });
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = Path.of("target", "catalogue-import-crash-" + name + ".log");
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PROCESSES.add(process);
        return process;
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            PROCESSES.forEach(p -> assertThat(p.isAlive() || p.exitValue() == 137 || p.exitValue() == 143)
                    .as("a service process stopped on its own (see target/catalogue-import-crash-*.log)").isTrue());
            Thread.sleep(100);
        }
    }

    private static long query(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;  // the schema is not there yet
        }
    }

    private static Set<String> paths(String sql) throws SQLException {
        Set<String> paths = new HashSet<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                URI uri = URI.create(rs.getString(1));
                paths.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
        }
        return paths;
    }

    private static void update(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static Connection connect() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        return DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE), infra.postgres().adminUser(),
                infra.postgres().adminPassword());
    }
}
