package coop.roseash.market.cart;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.page.MarketSlugs;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.product.Products;
import coop.roseash.market.web.LocalPaths;
import coop.roseash.market.web.ViewArgs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartLineAdded;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.services.market.ProductOfferSource;
import coop.roseash.shared.web.SxHeaders;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Adds a product to the visitor's cart (a member's, or an anonymous visitor's device's) through cart's {@link Carts}
 * contract, from a market page's list or a product page, without leaving it.
 *
 * <ul>
 *   <li>An engine request (sx.js, {@code SX-Request: true}) gets a short confirmation for the form's status line and,
 *       out of band, the site header's mini cart as cart now renders it ({@code #site-cart}).</li>
 *   <li>A plain form post (no JavaScript) is redirected back to the page it came from ({@code back}, a path of this
 *       market), which then says what was added (post/redirect/get, {@link Flash}).</li>
 *   <li>A refusal ({@link CartRefusal}: a bad quantity, an unknown or withdrawn product, not enough left, a visitor
 *       without a cart) changes nothing. A plain post gets the refusal's own status (400, 404, 409) and a page saying
 *       why; an engine request gets 422 with the reason in the form's status line, because sx.js shows no other
 *       4xx (sx-kernel/PROTOCOL.md §3), and a refusal the member cannot see would look like a dead button.</li>
 * </ul>
 */
@PublicRoute
@Path("/{market: " + MarketSlugs.PATTERN + "}/cart")
public class AddToCartResource {

    private final MarketPages markets;
    private final Products products;
    private final Carts carts;
    private final MiniCart miniCart;
    private final VisitorSource visitors;
    private final ServiceUrls urls;

    AddToCartResource(MarketPages markets, Products products, Carts carts, MiniCart miniCart, VisitorSource visitors,
                      ServiceUrls urls) {
        this.markets = markets;
        this.products = products;
        this.carts = carts;
        this.miniCart = miniCart;
        this.visitors = visitors;
        this.urls = urls;
    }

    @POST
    public Response add(@PathParam("market") String marketSlug, @RestForm("product") String product,
                        @RestForm("quantity") String quantity, @RestForm("back") String back,
                        @Context HttpHeaders headers) {
        Visitor visitor = visitors.current();
        MarketPageView market = markets.visible(marketSlug, visitor);
        String backPath = LocalPaths.under(market.href(), withoutFlash(back), market.href());
        boolean engine = "true".equalsIgnoreCase(headers.getHeaderString(SxHeaders.SX_REQUEST));
        Identity who = identity(visitor);
        try {
            ProductRef item = item(market, product);
            int units = units(quantity);
            CartLineAdded added = carts.add(who, ProductOfferSource.ITEM_TYPE, item.id(), units);
            if (!engine) {
                return SxRedirect.to(headers, LocalPaths.withParam(backPath, Flash.PARAM, Flash.value(item.id(), units)));
            }
            return Response.ok(SxView.page("~market/cart/added", ViewArgs.of()
                    .with("message", "Added " + units + " × " + added.title() + ". Your cart holds "
                            + added.cartItemCount() + (added.cartItemCount() == 1 ? " item." : " items."))
                    .with("cart-url", urls.publicUrl("cart") + "/")
                    .with("mini-cart", miniCart.of(who))
                    .map())).build();
        } catch (CartRefusal refusal) {
            if (engine) {
                return Response.status(422).entity(SxView.page("~market/cart/refused",
                        ViewArgs.of().with("message", refusal.getMessage()).map()).status(422)).build();
            }
            return Response.status(refusal.status()).entity(SxView.page("~market/cart/refused-page", ViewArgs.of()
                            .with("message", refusal.getMessage()).with("back", backPath).map())
                    .title("Not added to your cart").status(refusal.status())).build();
        }
    }

    private ProductRef item(MarketPageView market, String product) {
        String id = product == null ? "" : product.strip();
        if (!id.matches("\\d{1,18}")) {
            throw new CartRefusal(Reason.NOT_FOUND, "That product is not in this market.");
        }
        return products.inMarket(market.id(), Long.parseLong(id))
                .orElseThrow(() -> new CartRefusal(Reason.NOT_FOUND, "That product is not in this market."));
    }

    /** The units asked for: 1 when the form has no quantity field; anything but a number is refused here. */
    private static int units(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return 1;
        }
        String value = quantity.strip();
        if (!value.matches("-?\\d{1,9}")) {
            throw new CartRefusal(Reason.INVALID_QUANTITY, "Choose a quantity from 1 to " + Carts.MAX_LINE_QUANTITY + ".");
        }
        // the cart refuses zero, negative and too large quantities with its own words
        return Integer.parseInt(value);
    }

    private static Identity identity(Visitor visitor) {
        if (visitor.userId() != null) {
            return Identity.member(visitor.userId());
        }
        return visitor.deviceId() == null || visitor.deviceId().isBlank() ? Identity.NONE
                : Identity.device(visitor.deviceId());
    }

    /** The back path without an earlier confirmation's {@code added}, so a second add does not show two. */
    private static String withoutFlash(String back) {
        if (back == null) {
            return null;
        }
        return back.replaceAll("([?&])" + Flash.PARAM + "=[^&#]*(&|$)", "$1").replaceAll("[?&]$", "");
    }
}
