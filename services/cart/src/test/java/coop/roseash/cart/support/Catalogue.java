package coop.roseash.cart.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Products for the cart's tests, written as rows (market_pages, products) so the tests depend on the schema and on
 * the product offer source, not on market's code. Every call makes its own page and product: tests share nothing.
 */
public final class Catalogue {

    private final EntityManager em;

    public Catalogue(EntityManager em) {
        this.em = em;
    }

    /** A fresh page id (the container every product of a test is sold on). */
    public static long newPage() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
    }

    /** A blog page titled {@code title} (a row of {@code posts}, as blog writes it); its id. */
    public long blogPage(String title) {
        long id = newPage();
        update("INSERT INTO posts (id, type, status, slug, title, published_at) "
                + "VALUES (?1, 'page', 'published', 'page-' || ?1, ?2, now())", id, title);
        return id;
    }

    /** A product on page {@code page}'s market; {@code stock} null when not tracked. */
    public long product(long page, String title, int priceCents, Integer stock) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    INSERT INTO market_pages (container_type, container_id, title, slug) VALUES ('page', ?1, 'Market', ?2)
                    ON CONFLICT (container_type, container_id) DO NOTHING""")
                    .setParameter(1, page).setParameter(2, "market-" + page).executeUpdate();
            return ((Number) em.createNativeQuery("""
                    INSERT INTO products (market_page_id, slug, title, price_cents, currency, stock)
                    SELECT id, ?2, ?3, ?4, 'GBP', ?5 FROM market_pages WHERE container_type = 'page' AND container_id = ?1
                    RETURNING id""")
                    .setParameter(1, page).setParameter(2, "p-" + UUID.randomUUID()).setParameter(3, title)
                    .setParameter(4, priceCents).setParameter(5, stock).getSingleResult()).longValue();
        });
    }

    public void setPrice(long product, int priceCents) {
        update("UPDATE products SET price_cents = ?2 WHERE id = ?1", product, priceCents);
    }

    public void withdraw(long product) {
        update("UPDATE products SET available = false WHERE id = ?1", product, null);
    }

    public Integer stock(long product) {
        return QuarkusTransaction.requiringNew().call(() -> (Integer) em
                .createNativeQuery("SELECT stock FROM products WHERE id = ?1").setParameter(1, product).getSingleResult());
    }

    private void update(String sql, long id, Object value) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql).setParameter(1, id);
            if (value != null) {
                query.setParameter(2, value);
            }
            query.executeUpdate();
        });
    }
}
