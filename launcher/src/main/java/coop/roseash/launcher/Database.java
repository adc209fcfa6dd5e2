package coop.roseash.launcher;

import coop.roseash.devinfra.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The platform database of a local run: PostgreSQL at the configured URL, or an embedded one with its data under
 * {@code .data/postgres}; the role and database created if needed; the Flyway migrations applied.
 */
public final class Database implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final String user;
    private final String password;

    private Database(PostgresServer server, String name, String user, String password) {
        this.server = server;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /**
     * Finds or starts the server and makes sure role and database exist. The admin role that creates them comes
     * from {@code ROSEASH_PG_ADMIN_USER} / {@code ROSEASH_PG_ADMIN_PASSWORD} (default postgres, no password).
     */
    public static Database prepare(PlatformConfig config, String password, Path dataDir, Map<String, String> env) {
        PostgresServer server = PostgresServer.findOrStart(config.datasourceUrl(),
                env.getOrDefault("ROSEASH_PG_ADMIN_USER", "postgres"),
                env.getOrDefault("ROSEASH_PG_ADMIN_PASSWORD", ""),
                dataDir);
        server.ensureRole(config.datasourceUser(), password);
        server.ensureDatabase(config.databaseName(), config.datasourceUser());
        return new Database(server, config.databaseName(), config.datasourceUser(), password);
    }

    /** Applies every migration of the migrations module (classpath db/migration) as the platform's role. */
    public MigrateResult migrate() {
        return Flyway.configure()
                .dataSource(jdbcUrl(), user, password)
                .locations("classpath:db/migration")
                // modules own version ranges (migrations/README.md), so a lower version may land after a higher one
                .outOfOrder(true)
                .load()
                .migrate();
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return server.isEmbedded();
    }

    @Override
    public void close() {
        server.close();
    }
}
