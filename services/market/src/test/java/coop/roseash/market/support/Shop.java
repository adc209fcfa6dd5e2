package coop.roseash.market.support;

import coop.roseash.market.page.MarketPageForm;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.product.Products;
import coop.roseash.shared.contracts.blog.PageSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Test data: blog pages (written as the blog would, plain rows: the blog does not run here), their settings through
 * blog's contract, market pages and products through the market's own services. Every name is unique, so tests never
 * see each other's rows (nothing is cleaned between tests).
 */
@ApplicationScoped
public class Shop {

    private final EntityManager db;
    private final PageSettings settings;
    private final MarketPages markets;
    private final Products products;

    Shop(EntityManager db, PageSettings settings, MarketPages markets, Products products) {
        this.db = db;
        this.settings = settings;
        this.markets = markets;
        this.products = products;
    }

    /** {@code prefix} plus a random part, as a slug. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A published blog page; its market turned on when {@code marketOn}. */
    public long blogPage(String slug, boolean marketOn) {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) db.createNativeQuery(
                        "INSERT INTO posts (type, status, slug, title, published_at) "
                                + "VALUES ('page', 'published', :slug, :title, now()) RETURNING id")
                .setParameter("slug", slug).setParameter("title", "Page " + slug).getSingleResult()).longValue());
        if (marketOn) {
            settings.enableMarket("page", id);
        }
        return id;
    }

    /** A market page on a new blog page whose settings turn the market on. */
    public MarketPageView openMarket() {
        String slug = unique("market");
        long page = blogPage(unique("page"), true);
        return markets.create(new MarketPageForm(Long.toString(page), "Market " + slug, slug, "A test market."));
    }

    /** Turns the market of this market page's blog page off (as blog's settings page would). */
    public void close(MarketPageView market) {
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                        "UPDATE page_configs SET market_enabled = false WHERE container_type = 'page' AND container_id = :id")
                .setParameter("id", market.containerId()).executeUpdate());
    }

    public ProductRef product(MarketPageView market, TestProduct product) {
        return products.create(market.id(), product.form());
    }

    public void withdraw(ProductRef product) {
        products.setAvailable(product.id(), false);
    }
}
