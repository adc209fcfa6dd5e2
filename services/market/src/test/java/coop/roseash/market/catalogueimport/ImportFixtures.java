package coop.roseash.market.catalogueimport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rows the import tests set up and read back with SQL: market pages, products, runs. */
@ApplicationScoped
public class ImportFixtures {

    private final EntityManager em;

    ImportFixtures(EntityManager em) {
        this.em = em;
    }

    /** No runs, no imported products: each test starts from an empty catalogue. */
    public void clear() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM catalogue_import_runs").executeUpdate();
            em.createNativeQuery("DELETE FROM products WHERE external_id IS NOT NULL").executeUpdate();
        });
    }

    /** A market page of its own (as the market pages admin would create it), by SQL. */
    public long marketPage() {
        String slug = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "INSERT INTO market_pages (container_type, container_id, title, slug) VALUES ('page', "
                                + "nextval('market_pages_seq'), ?1, ?2) RETURNING id")
                .setParameter(1, "Shop " + slug).setParameter(2, slug).getSingleResult()).longValue());
    }

    /** One imported product's columns, by the wholesaler's code. */
    public Map<String, Object> product(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery("SELECT slug, title, brand, category, description_html, "
                    + "price_cents, currency, stock, unit, array_to_string(labels, '|'), array_to_string(image_urls, '|'), "
                    + "source_url, available, market_page_id FROM products WHERE external_id = ?1")
                    .setParameter(1, code).getSingleResult();
            String[] names = {"slug", "title", "brand", "category", "description", "price", "currency", "stock",
                    "unit", "labels", "images", "source", "available", "market_page"};
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], r[i]);
            }
            return row;
        });
    }

    /** updated_at of every imported product, by code. */
    public Map<String, Instant> updatedAt() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> at = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT external_id, updated_at FROM products "
                    + "WHERE external_id IS NOT NULL").getResultList();
            for (Object[] r : rows) {
                at.put((String) r[0], toInstant(r[1]));
            }
            return at;
        });
    }

    public List<String> codes() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> codes = em.createNativeQuery("SELECT external_id FROM products WHERE external_id IS NOT NULL "
                    + "ORDER BY external_id").getResultList();
            return codes;
        });
    }

    public void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            q.executeUpdate();
        });
    }

    public Object value(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(query);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return q.getSingleResult();
        });
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
