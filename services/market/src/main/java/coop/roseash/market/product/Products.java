package coop.roseash.market.product;

import coop.roseash.market.browse.BrowseQuery;
import coop.roseash.market.page.InvalidMarketInputException;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.web.MarketNotFoundException;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.model.market.MarketPage;
import coop.roseash.shared.model.market.Product;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The market's products: their pages, and what admins do with them (create, edit, withdraw and offer again). */
@ApplicationScoped
public class Products {

    public static final int ADMIN_PAGE_SIZE = 50;

    private final Event<ProductChanged> changed;

    Products(Event<ProductChanged> changed) {
        this.changed = changed;
    }

    /** The product at {@code slug} on this market page, withdrawn or not; empty when it is not this market's. */
    @Transactional
    public Optional<ProductView> onPage(MarketPageView market, String slug) {
        return Product.<Product>find("slug = ?1 and marketPage.id = ?2", slug, market.id()).firstResultOptional()
                .map(p -> view(p, market));
    }

    /** A product of this market page by id, for a request that names it (add to cart). */
    @Transactional
    public Optional<ProductRef> inMarket(long marketPageId, long productId) {
        return Product.<Product>find("id = ?1 and marketPage.id = ?2", productId, marketPageId).firstResultOptional()
                .map(Products::ref);
    }

    /** A product of this market page by slug, for a request that names it (a like). */
    @Transactional
    public Optional<ProductRef> bySlug(long marketPageId, String slug) {
        return Product.<Product>find("slug = ?1 and marketPage.id = ?2", slug, marketPageId).firstResultOptional()
                .map(Products::ref);
    }

    /** A product by id, whichever market it is in (admin). */
    @Transactional
    public Optional<ProductRef> byId(long id) {
        return Product.<Product>findByIdOptional(id).map(Products::ref);
    }

    /** The admin form of a product. */
    @Transactional
    public Optional<ProductForm> form(long id) {
        return Product.<Product>findByIdOptional(id).map(ProductForm::of);
    }

    /** A page of a market page's products for its admin, on sale and withdrawn, by name; {@code q} matches names. */
    @Transactional
    public List<ProductRow> adminList(MarketPageView market, String q, int page) {
        String filter = q == null || q.isBlank() ? "" : " and lower(title) like ?2";
        var query = filter.isEmpty()
                ? Product.<Product>find("marketPage.id = ?1", Sort.by("title").and("id"), market.id())
                : Product.<Product>find("marketPage.id = ?1" + filter, Sort.by("title").and("id"), market.id(),
                "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return query.page(Page.of(page - 1, ADMIN_PAGE_SIZE)).list().stream().map(p -> new ProductRow(p.id, p.title,
                p.brand, p.category, Money.format(p.priceCents, p.currency), p.stock == null ? "not counted" : p.stock.toString(),
                p.available, "/admin/products/" + p.id, "/" + market.slug() + "/p/" + p.slug)).toList();
    }

    /** How many products a market page has, on sale and withdrawn (admin). */
    @Transactional
    public long count(long marketPageId) {
        return Product.count("marketPage.id", marketPageId);
    }

    /** A new product, on sale, on this market page. */
    @Transactional
    public ProductRef create(long marketPageId, ProductForm form) {
        ProductForm.Valid valid = freeSlug(form.validate(), null);
        Product p = new Product();
        p.marketPage = MarketPage.<MarketPage>findByIdOptional(marketPageId)
                .orElseThrow(() -> new MarketNotFoundException("market page " + marketPageId));
        valid.applyTo(p);
        p.available = true;
        persist(p);
        changed.fire(new ProductChanged(Set.of(p.slug)));
        return ref(p);
    }

    /** Saves the form over the product (its market and availability stay). */
    @Transactional
    public ProductRef update(long id, ProductForm form) {
        Product p = find(id);
        ProductForm.Valid valid = freeSlug(form.validate(), p.id);
        Set<String> slugs = new LinkedHashSet<>(List.of(p.slug, valid.slug()));
        valid.applyTo(p);
        persist(p);
        changed.fire(new ProductChanged(slugs));
        return ref(p);
    }

    /**
     * Withdraws a product ({@code false}: hidden from browsing, its page says it is no longer available, the cart
     * refuses it) or offers it again ({@code true}). It is never deleted: orders and likes refer to it.
     */
    @Transactional
    public ProductRef setAvailable(long id, boolean available) {
        Product p = find(id);
        p.available = available;
        changed.fire(new ProductChanged(Set.of(p.slug)));
        return ref(p);
    }

    private static Product find(long id) {
        return Product.<Product>findByIdOptional(id).orElseThrow(() -> new MarketNotFoundException("product " + id));
    }

    /**
     * The form with an address no other product has. Addresses are unique across all markets, so one made from the
     * name ("rolled-oats") gets the first free number ("rolled-oats-2"); one the admin typed is theirs to change.
     */
    private static ProductForm.Valid freeSlug(ProductForm.Valid valid, Long self) {
        Product other = Product.find("slug", valid.slug()).firstResult();
        if (other == null || other.id.equals(self)) {
            return valid;
        }
        if (!valid.slugMadeUp()) {
            throw new InvalidMarketInputException(Map.of("slug", "Another product uses the address “" + valid.slug()
                    + "”: “" + other.title + "”. Choose another."));
        }
        for (int n = 2; ; n++) {
            String candidate = valid.slug() + "-" + n;
            Product holder = Product.find("slug", candidate).firstResult();
            if (holder == null || holder.id.equals(self)) {
                return valid.withSlug(candidate);
            }
        }
    }

    private static void persist(Product p) {
        try {
            p.persistAndFlush();
        } catch (PersistenceException e) {
            throw new InvalidMarketInputException(Map.of("slug",
                    "Another product took this address a moment ago; choose another."));
        }
    }

    private static ProductRef ref(Product p) {
        return new ProductRef(p.id, p.marketPage == null ? 0 : p.marketPage.id, p.slug, p.title, p.available);
    }

    private static ProductView view(Product p, MarketPageView market) {
        boolean tracked = p.stock != null;
        boolean inStock = !tracked || p.stock > 0;
        long vat = Money.vatIncluded(p.priceCents, p.vatRateBp);
        String vatText = p.vatRateBp == 0 ? "no VAT"
                : "incl. " + Money.rate(p.vatRateBp) + " VAT (" + Money.format(vat, p.currency) + ")";
        String stockText = !tracked ? null : p.stock > 0 ? p.stock + " in stock" : "Out of stock";
        String base = market.href();
        return new ProductView(p.id, p.slug, base + "p/" + p.slug, p.title, p.brand,
                p.brand == null ? null : BrowseQuery.ALL.withBrand(p.brand).href(base),
                p.category, p.category == null ? null : BrowseQuery.ALL.withCategory(p.category).href(base),
                Money.format(p.priceCents, p.currency), vatText, p.unit, List.copyOf(p.labels), List.copyOf(p.imageUrls),
                p.descriptionHtml, p.stock, stockText, inStock, p.available,
                tracked ? Math.min(p.stock, Carts.MAX_LINE_QUANTITY) : Carts.MAX_LINE_QUANTITY);
    }
}
