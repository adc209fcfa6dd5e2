package coop.roseash.devinfra;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Where nothing answers at the configured address and no Docker engine either, real embedded servers start and serve. */
class EmbeddedFallbackTest {

    @Test
    void startsEmbeddedPostgresWhenNothingAnswersAndCreatesDatabasesIdempotently() throws Exception {
        try (PostgresServer pg = PostgresServer.startEmbedded(null)) {
            assertThat(pg.isEmbedded()).isTrue();
            pg.ensureDatabase("fallback_probe", null);
            pg.ensureDatabase("fallback_probe", null);
            pg.ensureRole("fallback_role", "s3cret'quote");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("fallback_probe"), "fallback_role", "s3cret'quote");
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("fallback_probe");
            }
        }
    }

    @Test
    void startsEmbeddedRedisWhenNothingAnswers() throws Exception {
        try (RedisServerHandle redis = RedisServerHandle.startEmbedded()) {
            assertThat(redis.isEmbedded()).isTrue();
            try (Socket s = new Socket(redis.host(), redis.port())) {
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(in.readLine()).isEqualTo("+PONG");
            }
        }
    }

    @Test
    void rejectsUnsafeDatabaseNames() {
        PostgresServer pg = TestInfrastructure.get().postgres();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pg.ensureDatabase("x; DROP DATABASE postgres", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
