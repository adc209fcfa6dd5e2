package coop.roseash.e2e;

import coop.roseash.devinfra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    void insertDeviceCartItem(String deviceId, long productId, int quantity) {
        update("INSERT INTO cart_items (device_id, container_type, container_id, item_type, item_id, quantity)"
                + " VALUES (?, 'page', 1, 'product', ?, ?)", deviceId, productId, quantity);
    }

    /** The id of the member federation created for this email at their first sign-in. */
    public long userId(String email) {
        return queryLong("SELECT id FROM users WHERE email = ?", email);
    }

    /** An author row for the member and a draft post by them (only they and admins may open it); its id. */
    public long insertDraftPostBy(long userId, String slug, String title, String html) {
        long author = queryLong("INSERT INTO authors (user_id, name, slug) VALUES (?, ?, ?) RETURNING id",
                userId, "Author " + slug, "author-" + slug);
        return queryLong("INSERT INTO posts (slug, title, html, plaintext, author_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                slug, title, html, title, author);
    }

    /**
     * {@code count} activities of {@code type} (object {@code {}}) published as a service would (docs/spec/platform.md
     * §5): each row in {@code ap_activities} with one pending delivery to {@code service}.
     */
    public void insertActivities(String type, String service, int count) {
        update("WITH published AS (INSERT INTO ap_activities (type, actor, object, origin_service)"
                + " SELECT ?, 'e2e', '{}'::jsonb, 'e2e' FROM generate_series(1, ?) RETURNING id)"
                + " INSERT INTO activity_deliveries (activity_id, service) SELECT id, ? FROM published", type, count, service);
    }

    /** A cart row of a signed-in member; its id. */
    public long insertMemberCartItem(long userId, long productId, int quantity) {
        return queryLong("INSERT INTO cart_items (user_id, container_type, container_id, item_type, item_id, quantity)"
                + " VALUES (?, 'page', 1, 'product', ?, ?) RETURNING id", userId, productId, quantity);
    }

    /**
     * A digest of every row of every table but {@code skipped}: two equal digests mean nothing in them changed
     * between (for tests that a refused request changed nothing).
     */
    public String fingerprint(Set<String> skipped) {
        StringBuilder digest = new StringBuilder();
        try (Connection db = DriverManager.getConnection(jdbcUrl(), user(), password());
             Statement st = db.createStatement();
             ResultSet tables = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                if (skipped.contains(table)) {
                    continue;
                }
                // table names come from the catalogue, not from input
                try (Statement q = db.createStatement();
                     ResultSet rs = q.executeQuery("SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), ''))"
                             + " FROM \"" + table + "\" t")) {
                    rs.next();
                    digest.append(table).append('=').append(rs.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fingerprint: " + e.getMessage(), e);
        }
        return digest.toString();
    }

    /**
     * Gives a page SumUp settings (merchant code and API key) beside what its settings row already says. The key is
     * sealed as blog's {@code CredentialCipher} seals it (AES-256-GCM, 12-byte nonce first, the container bound in
     * as associated data) under {@code credentialsKey}, the platform's {@code ROSEASH_BLOG_CREDENTIALS_KEY}: the
     * services' own code must decrypt it.
     */
    public void setSumUp(String containerType, long containerId, String merchantCode, String apiKey, String credentialsKey) {
        byte[] sealed;
        try {
            byte[] nonce = new byte[12];
            new java.security.SecureRandom().nextBytes(nonce);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE,
                    new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(credentialsKey), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            cipher.updateAAD(("page_configs:" + containerType + ":" + containerId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sealed = java.nio.ByteBuffer.allocate(nonce.length + body.length).put(nonce).put(body).array();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        update("INSERT INTO page_configs (container_type, container_id, sumup_merchant_code, sumup_credentials_encrypted)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (container_type, container_id) DO UPDATE"
                + " SET sumup_merchant_code = EXCLUDED.sumup_merchant_code,"
                + " sumup_credentials_encrypted = EXCLUDED.sumup_credentials_encrypted, updated_at = now()",
                containerType, containerId, merchantCode, sealed);
    }

    /** The first column of the first row of a query, or -1 when it returns no row. */
    public long longOrMinusOne(String sql, Object... values) {
        String value = text(sql, values);
        return value == null ? -1 : Long.parseLong(value);
    }

    /** The first column of the first row of a query, as text, or null when it returns no row. */
    public String text(String sql, Object... values) {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), user(), password());
             PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test data: " + e.getMessage(), e);
        }
    }

    private long queryLong(String sql, Object... values) {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), user(), password());
             PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("test data: no row for " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test data: " + e.getMessage(), e);
        }
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
