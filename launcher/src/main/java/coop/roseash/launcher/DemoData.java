package coop.roseash.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A few menu nodes for a fresh local database, so the site header shows a real navigation tree. It only ever seeds
 * an empty menu: once anyone has edited the menu (or this ran before), it does nothing.
 */
public final class DemoData {

    private record Node(String label, String target, List<Node> children) {
    }

    private DemoData() {
    }

    private static List<Node> menu(PlatformConfig config) {
        return List.of(
                new Node("Home", "/", List.of()),
                new Node("About the co-op", "/about/", List.of(
                        new Node("Our members", "/about/members/", List.of()),
                        new Node("How we work", "/about/how-we-work/", List.of()))),
                new Node("Market", config.services().get("market").publicUrl() + "/", List.of()),
                new Node("Events", config.services().get("events").publicUrl() + "/", List.of()));
    }

    /** Seeds the menu if it is empty; returns how many nodes it inserted. */
    public static int seedMenu(String jdbcUrl, String user, String password, PlatformConfig config) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setAutoCommit(false);
            // serialize concurrent launchers on the same database, then look again
            try (PreparedStatement lock = db.prepareStatement("LOCK TABLE menu_nodes IN SHARE ROW EXCLUSIVE MODE")) {
                lock.execute();
            }
            try (ResultSet any = db.createStatement().executeQuery("SELECT 1 FROM menu_nodes LIMIT 1")) {
                if (any.next()) {
                    db.rollback();
                    return 0;
                }
            }
            int inserted = insert(db, menu(config), null);
            db.commit();
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the demo menu: " + e.getMessage(), e);
        }
    }

    private static int insert(Connection db, List<Node> nodes, Long parentId) throws SQLException {
        int count = 0;
        for (int position = 0; position < nodes.size(); position++) {
            Node node = nodes.get(position);
            long id;
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO menu_nodes (parent_id, position, label, target) VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setObject(1, parentId);
                insert.setInt(2, position);
                insert.setString(3, node.label());
                insert.setString(4, node.target());
                try (ResultSet key = insert.executeQuery()) {
                    key.next();
                    id = key.getLong(1);
                }
            }
            count += 1 + insert(db, node.children(), id);
        }
        return count;
    }
}
