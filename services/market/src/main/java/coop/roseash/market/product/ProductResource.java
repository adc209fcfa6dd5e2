package coop.roseash.market.product;

import coop.roseash.market.cart.Flash;
import coop.roseash.market.likes.LikeState;
import coop.roseash.market.likes.Likes;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.page.MarketSlugs;
import coop.roseash.market.web.MarketNotFoundException;
import coop.roseash.market.web.ViewArgs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.web.HeadMeta;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A product's page at {@code /{market}/p/{product}}: what it is, its price with VAT, stock, likes, and a form to add
 * it to the cart; a withdrawn product's page says it is no longer available and offers nothing to buy.
 */
@PublicRoute
@Path("/{market: " + MarketSlugs.PATTERN + "}/p/{product: " + MarketSlugs.PATTERN + "}")
public class ProductResource {

    private final MarketPages markets;
    private final Products products;
    private final Likes likes;
    private final VisitorSource visitors;
    private final ServiceUrls urls;

    ProductResource(MarketPages markets, Products products, Likes likes, VisitorSource visitors, ServiceUrls urls) {
        this.markets = markets;
        this.products = products;
        this.likes = likes;
        this.visitors = visitors;
        this.urls = urls;
    }

    /** One transaction for the page's reads (market, product, likes): one BEGIN and COMMIT, not one per read. */
    @GET
    @Transactional
    public SxView show(@PathParam("market") String marketSlug, @PathParam("product") String slug,
                       @QueryParam(Flash.PARAM) String added) {
        Visitor visitor = visitors.current();
        MarketPageView market = markets.visible(marketSlug, visitor);
        ProductView product = products.onPage(market, slug)
                .orElseThrow(() -> new MarketNotFoundException("product " + slug));
        LikeState liked = likes.state(product.id(), visitor.userId());
        return SxView.page("~market/product", ViewArgs.of()
                        .with("market", market)
                        .with("product", product)
                        .with("likes", likes(market, product, liked, visitor))
                        .with("flash", Flash.message(added, market.id(), products).orElse(null))
                        .with("cart-url", urls.publicUrl("cart") + "/")
                        .map())
                .title(product.title() + " · " + market.title())
                .canonical(urls.publicUrl("market") + product.href())
                .meta(List.of(HeadMeta.property("og:title", product.title())));
    }

    /** The likes block of a product page ({@code ~market/likes}), also what a like answers an engine request with. */
    public static Map<String, Object> likes(MarketPageView market, ProductView product, LikeState state,
                                                Visitor visitor) {
        return ViewArgs.of()
                .with("action", product.href() + "/like")
                .with("count", state.count())
                .with("liked", state.liked())
                .with("signed-in", visitor.signedIn())
                .with("login", "/auth/login?return_to=" + URLEncoder.encode(product.href(), StandardCharsets.UTF_8))
                .map();
    }
}
