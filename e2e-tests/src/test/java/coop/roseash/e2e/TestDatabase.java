package coop.roseash.e2e;

import coop.roseash.devinfra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** A fresh, migrated database for one end-to-end run, and the rows the tests insert into it. */
public final class TestDatabase {

    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Drops the database left by an earlier run, creates it again and applies every migration. */
    public static TestDatabase fresh(PostgresServer server, String name) {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.adminUser(), server.adminPassword());
             Statement st = admin.createStatement()) {
            // the name comes from the build (roseash.test.database), never from input
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + name + ": " + e.getMessage(), e);
        }
        server.ensureDatabase(name, null);
        TestDatabase database = new TestDatabase(server, name);
        Flyway.configure().dataSource(database.jdbcUrl(), server.adminUser(), server.adminPassword())
                .locations("classpath:db/migration").load().migrate();
        return database;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.adminUser();
    }

    public String password() {
        return server.adminPassword();
    }

    void insertMenuNode(String label, String target, int position) {
        update("INSERT INTO menu_nodes (position, label, target) VALUES (?, ?, ?)", position, label, target);
    }

    void insertDeviceCartItem(String deviceId, long productId, int quantity) {
        update("INSERT INTO cart_items (device_id, container_type, container_id, item_type, item_id, quantity)"
                + " VALUES (?, 'page', 1, 'product', ?, ?)", deviceId, productId, quantity);
    }

    private void update(String sql, Object... values) {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), user(), password());
             PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data: " + e.getMessage(), e);
        }
    }
}
