package coop.roseash.market.catalogueimport;

import coop.roseash.shared.model.market.MarketPage;
import coop.roseash.shared.model.market.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Objects;

/**
 * Merges one scraped product into {@code products}, matched by the wholesaler's code ({@code external_id}): a new
 * code is created (with a unique slug), changed fields are written, and an unchanged product is not touched at all
 * (no write, so its {@code updated_at} stays). A product the import made unavailable when it vanished is available
 * again when it comes back; one an admin withdrew stays withdrawn. The slug, once given, never changes (links
 * to it stay valid).
 */
@ApplicationScoped
public class ProductMerge {

    /** What a merge did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final EntityManager em;
    private final String currency;

    ProductMerge(EntityManager em, ImportConfig config) {
        this.em = em;
        this.currency = config.currency();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome merge(ScrapedProduct in, long marketPageId, String category) {
        Product p = Product.<Product>find("externalId", in.code()).firstResult();
        Integer stock = in.inStock() ? null : 0;  // the wholesaler says only in or out: in stock is "not counted"
        if (p == null) {
            p = new Product();
            p.externalId = in.code();
            p.slug = ProductSlugs.forNew(in.title(), in.code());
            write(p, in, marketPageId, category, stock);
            p.persist();
            return Outcome.CREATED;
        }
        boolean returned = em.createNativeQuery("DELETE FROM catalogue_vanished_products WHERE product_id = ?1")
                .setParameter(1, p.id).executeUpdate() > 0;
        if (!returned && same(p, in, marketPageId, category, stock)) {
            return Outcome.UNCHANGED;
        }
        write(p, in, marketPageId, category, stock);
        if (returned) {
            p.available = true;
        }
        return Outcome.UPDATED;
    }

    private boolean same(Product p, ScrapedProduct in, long marketPageId, String category, Integer stock) {
        return p.marketPage != null && p.marketPage.id == marketPageId && in.title().equals(p.title)
                && Objects.equals(in.brand(), p.brand) && Objects.equals(category, p.category)
                && in.descriptionHtml().equals(p.descriptionHtml) && in.priceCents() == p.priceCents
                && currency.equals(p.currency) && Objects.equals(stock, p.stock) && Objects.equals(in.unit(), p.unit)
                && in.labels().equals(p.labels) && in.imageUrls().equals(p.imageUrls)
                && Objects.equals(in.sourceUrl(), p.sourceUrl);
    }

    private void write(Product p, ScrapedProduct in, long marketPageId, String category, Integer stock) {
        p.marketPage = em.getReference(MarketPage.class, marketPageId);
        p.title = in.title();
        p.brand = in.brand();
        p.category = category;
        p.descriptionHtml = in.descriptionHtml();
        p.priceCents = in.priceCents();
        p.currency = currency;
        p.stock = stock;
        p.unit = in.unit();
        p.labels = new java.util.ArrayList<>(in.labels());
        p.imageUrls = new java.util.ArrayList<>(in.imageUrls());
        p.sourceUrl = in.sourceUrl();
    }
}
