package coop.roseash.e2e.faults;

import coop.roseash.devinfra.PortProbe;
import coop.roseash.devinfra.PostgresServer;
import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.launcher.ServiceEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A platform of its own for the fault tests: the six packaged services on ports 18101-18106 over a PostgreSQL and a
 * Redis that belong to this platform alone, so the tests can stop and start them (the machine's servers, which the
 * other tests and other work use, are never touched). Both come back on the same port and, for PostgreSQL, the same
 * data folder: to the services it is the same server restarting.
 */
final class FaultPlatform implements AutoCloseable {

    static final int FIRST_PORT = 18101;
    static final int REDIS_DB = 0;

    private final Path pgData;
    private final int pgPort = PortProbe.freePort();
    private final int redisPort = PortProbe.freePort();
    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private RunningPlatform services;

    private FaultPlatform(Path work) {
        this.pgData = work.resolve("pgdata");
    }

    static FaultPlatform start(Path root) {
        Path work = root.resolve("e2e-tests/target/faults-" + SharedPlatform.RUN);
        FaultPlatform platform = new FaultPlatform(work);
        try {
            Path mail = Files.createDirectories(work.resolve("mail"));
            platform.startPostgres();
            platform.startRedis();
            PostgresServer server = PostgresServer.findOrStart("jdbc:postgresql://localhost:" + platform.pgPort + "/postgres",
                    "postgres", "", null);
            TestDatabase db = TestDatabase.fresh(server, "roseash_faults");
            ServiceEnvironment env = new ServiceEnvironment(root.resolve("config/app-config.yaml"))
                    .database(db.jdbcUrl(), db.user(), db.password())
                    .redis("redis://localhost:" + platform.redisPort + "/" + REDIS_DB)
                    .with(SharedPlatform.standardSettings(work, mail));
            platform.services = RunningPlatform.start(root, env, work.resolve("service-logs"), FIRST_PORT);
            System.out.println("[faults] six services ready on " + FIRST_PORT + "-" + (FIRST_PORT + 5)
                    + " over PostgreSQL :" + platform.pgPort + " and Redis :" + platform.redisPort);
            return platform;
        } catch (IOException e) {
            platform.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    RunningPlatform services() {
        return services;
    }

    int redisPort() {
        return redisPort;
    }

    void startPostgres() throws IOException {
        Files.createDirectories(pgData);
        postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(pgData).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    void startRedis() throws IOException {
        redis = new RedisServer(redisPort);
        redis.start();
    }

    void stopRedis() throws IOException {
        redis.stop();
        redis = null;
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        try {
            if (redis != null) {
                redis.stop();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            System.err.println("[faults] a server did not stop cleanly: " + e.getMessage());
        }
    }
}
