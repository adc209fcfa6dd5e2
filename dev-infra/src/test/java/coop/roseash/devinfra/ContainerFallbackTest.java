package coop.roseash.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where nothing answers at the configured address but a Docker engine does, PostgreSQL and Redis run in containers
 * (Testcontainers): the official images where the engine has them or can pull them, else ops/swarm-local.sh's
 * stand-ins. Skipped with a notice where no engine answers, a failure then when OPS_REQUIRE_TOOLS=true (CI, which
 * starts the engine with ops/swarm-local.sh).
 */
class ContainerFallbackTest {

    @BeforeAll
    static void needsAnEngine() {
        boolean engine = ContainerServers.engineAnswers();
        if (!engine && "true".equals(System.getenv("OPS_REQUIRE_TOOLS"))) {
            fail("no Docker engine answers, and OPS_REQUIRE_TOOLS=true requires one (ops/swarm-local.sh starts it)");
        }
        assumeTrue(engine, "no Docker engine answers: skipping the Testcontainers fallback (ops/swarm-local.sh starts one)");
    }

    @Test
    void whereNothingAnswersButAnEngineDoesPostgresRunsInAContainer() throws Exception {
        int silentPort = PortProbe.freePort();
        try (PostgresServer pg = PostgresServer.findOrStart("jdbc:postgresql://localhost:" + silentPort + "/postgres", "postgres", "", null)) {
            assertThat(pg.isContainer()).isTrue();
            assertThat(pg.isEmbedded()).isFalse();
            pg.ensureDatabase("container_probe", null);
            pg.ensureRole("container_role", "s3cret");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("container_probe"), "container_role", "s3cret");
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), current_setting('server_version_num')::int")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("container_probe");
                assertThat(rs.getInt(2)).as("server version").isGreaterThanOrEqualTo(150000);
            }
        }
    }

    @Test
    void whereNothingAnswersButAnEngineDoesRedisRunsInAContainer() throws Exception {
        int silentPort = PortProbe.freePort();
        try (RedisServerHandle redis = RedisServerHandle.findOrStart("redis://localhost:" + silentPort)) {
            assertThat(redis.isContainer()).isTrue();
            try (Socket s = new Socket(redis.host(), redis.port())) {
                OutputStream out = s.getOutputStream();
                out.write("SET probe 1\r\nGET probe\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(in.readLine()).isEqualTo("+OK");
                assertThat(in.readLine()).isEqualTo("$1");
                assertThat(in.readLine()).isEqualTo("1");
            }
        }
    }
}
