package coop.roseash.market.browse;

import coop.roseash.market.cart.Flash;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.page.MarketSlugs;
import coop.roseash.market.product.Products;
import coop.roseash.market.web.Choice;
import coop.roseash.market.web.Pager;
import coop.roseash.market.web.ViewArgs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A market page: its products, browsed by category, filtered (brand, labels, price range, in stock), searched, sorted
 * and paged, all in the query string ({@link BrowseQuery}), so every result is a link.
 */
@PublicRoute
@Path("/{market: " + MarketSlugs.PATTERN + "}")
public class BrowseResource {

    private final MarketPages markets;
    private final ProductCatalogue catalogue;
    private final Products products;
    private final VisitorSource visitors;
    private final ServiceUrls urls;

    BrowseResource(MarketPages markets, ProductCatalogue catalogue, Products products, VisitorSource visitors,
                   ServiceUrls urls) {
        this.markets = markets;
        this.catalogue = catalogue;
        this.products = products;
        this.visitors = visitors;
        this.urls = urls;
    }

    /** One transaction for the page's reads (market, products, facets, blog page): one BEGIN and COMMIT, not four. */
    @GET
    @Transactional
    public SxView browse(@PathParam("market") String slug, @QueryParam(Flash.PARAM) String added, @Context UriInfo uri) {
        Visitor visitor = visitors.current();
        MarketPageView market = markets.visible(slug, visitor);
        BrowseQuery query = BrowseQuery.parse(uri.getQueryParameters());
        BrowseResult result = catalogue.browse(market.id(), market.slug(), query);
        Facets facets = catalogue.facets(market.id(), query.category());
        String base = market.href();

        List<Choice> categories = new ArrayList<>();
        categories.add(new Choice("", "All categories", query.withCategory(null).href(base), query.category() == null));
        facets.categories().forEach(c -> categories.add(new Choice(c, c, query.withCategory(c).href(base),
                c.equals(query.category()))));
        List<Choice> brands = withCurrent(facets.brands(), query.brand());
        List<Choice> labels = new ArrayList<>();
        List<String> offered = new ArrayList<>(facets.labels());
        query.labels().stream().filter(l -> !offered.contains(l)).forEach(offered::add);
        offered.forEach(l -> labels.add(new Choice(l, l, null, query.labels().contains(l))));
        List<Choice> sorts = Arrays.stream(Sort.values())
                .map(s -> new Choice(s.param, s.label, null, s == query.sort())).toList();

        String self = query.href(base);
        return SxView.page("~market/browse", ViewArgs.of()
                        .with("market", market)
                        .with("container", markets.container(market).filter(p -> p.published())
                                .map(p -> new Choice(p.slug(), p.title(), urls.publicUrl("blog") + "/" + p.slug() + "/", false))
                                .orElse(null))
                        .with("products", result.products())
                        .with("total", result.total())
                        .with("capped", result.capped())
                        .with("narrowed", query.narrowed())
                        .with("q", query.q())
                        .with("category", query.category())
                        .with("min-price", query.minPriceCents() == null ? null : query.minPrice())
                        .with("max-price", query.maxPriceCents() == null ? null : query.maxPrice())
                        .with("in-stock", query.inStock())
                        .with("categories", categories)
                        .with("brands", brands)
                        .with("labels", labels)
                        .with("sorts", sorts)
                        .with("clear", base)
                        .with("pager", pager(query, result, base))
                        .with("back", self)
                        .with("flash", Flash.message(added, market.id(), products).orElse(null))
                        .with("cart-url", urls.publicUrl("cart") + "/")
                        .map())
                .title(query.category() == null ? market.title() : query.category() + " · " + market.title())
                .canonical(urls.publicUrl("market") + self);
    }

    /** The values of a filter menu, the current one included even when nothing on sale has it now. */
    private static List<Choice> withCurrent(List<String> values, String current) {
        List<String> all = new ArrayList<>(values);
        if (current != null && !all.contains(current)) {
            all.add(current);
        }
        return all.stream().map(v -> new Choice(v, v, null, v.equals(current))).toList();
    }

    private static Pager pager(BrowseQuery query, BrowseResult result, String base) {
        Integer pageCount = result.capped() ? null
                : (int) Math.max(1, (result.total() + ProductCatalogue.PAGE_SIZE - 1) / ProductCatalogue.PAGE_SIZE);
        return new Pager(query.page(), pageCount,
                query.page() > 1 ? query.withPage(query.page() - 1).href(base) : null,
                result.hasNext() ? query.withPage(query.page() + 1).href(base) : null);
    }
}
