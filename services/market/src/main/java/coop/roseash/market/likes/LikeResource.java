package coop.roseash.market.likes;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.page.MarketSlugs;
import coop.roseash.market.product.ProductResource;
import coop.roseash.market.product.ProductView;
import coop.roseash.market.product.Products;
import coop.roseash.market.web.MarketNotFoundException;
import coop.roseash.shared.web.SxHeaders;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A member likes a product, or no longer does ({@code like=true|false}: the state wanted, so a double click or a
 * repeated request changes nothing). Visitors who are not signed in are sent to sign in and back to the product.
 * An engine request gets the product page's likes block back; a plain form post goes back to the product page.
 */
@MembersOnly
@Path("/{market: " + MarketSlugs.PATTERN + "}/p/{product: " + MarketSlugs.PATTERN + "}/like")
public class LikeResource {

    private final MarketPages markets;
    private final Products products;
    private final Likes likes;
    private final VisitorSource visitors;

    LikeResource(MarketPages markets, Products products, Likes likes, VisitorSource visitors) {
        this.markets = markets;
        this.products = products;
        this.likes = likes;
        this.visitors = visitors;
    }

    @POST
    public Response like(@PathParam("market") String marketSlug, @PathParam("product") String slug,
                         @RestForm("like") String like, @Context HttpHeaders headers) {
        Visitor visitor = visitors.current();
        String productPath = "/" + marketSlug + "/p/" + slug;
        if (!visitor.signedIn()) {
            // both slugs matched the slug pattern: the path is safe to send the visitor back to
            return SxRedirect.to(headers, "/auth/login?return_to=" + URLEncoder.encode(productPath, StandardCharsets.UTF_8));
        }
        MarketPageView market = markets.visible(marketSlug, visitor);
        ProductView product = products.onPage(market, slug).orElseThrow(() -> new MarketNotFoundException("product " + slug));
        if (!"true".equals(like) && !"false".equals(like)) {
            throw new BadRequestException("like is true or false");
        }
        LikeState state = likes.set(product.id(), visitor.userId(), Boolean.parseBoolean(like));
        if ("true".equalsIgnoreCase(headers.getHeaderString(SxHeaders.SX_REQUEST))) {
            return Response.ok(SxView.page("~market/likes", ProductResource.likes(market, product, state, visitor))).build();
        }
        return SxRedirect.to(headers, product.href());
    }
}
