package coop.roseash.cart.lines;

import coop.roseash.cart.web.CartGate;
import coop.roseash.cart.web.Kwargs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.web.SxHeaders;
import coop.roseash.shared.web.SxView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;

/**
 * The cart page ({@code ~cart/home}) with an optional message, or for an engine request only the cart's area
 * together with {@code cart-mini} out of band, so the header's count follows without reloading the page.
 */
@ApplicationScoped
public class CartPage {

    private final CartGate gate;
    private final CartLines lines;
    private final Carts carts;
    private final ServiceUrls urls;

    CartPage(CartGate gate, CartLines lines, Carts carts, ServiceUrls urls) {
        this.gate = gate;
        this.lines = lines;
        this.carts = carts;
        this.urls = urls;
    }

    public SxView show(HttpHeaders headers, String error, String notice, int status) {
        Identity who = gate.identity();
        List<CartPageView> pages = lines.overview(who);
        if (engine(headers)) {
            return SxView.page("~cart/cart-swap", Kwargs.of("pages", pages, "error", error, "notice", notice,
                    "mini-count", carts.itemCount(who), "cart-url", urls.publicUrl("cart") + "/")).status(status);
        }
        return SxView.page("~cart/home", Kwargs.of("pages", pages, "error", error, "notice", notice))
                .title("Cart").status(status);
    }

    public static boolean engine(HttpHeaders headers) {
        return "true".equalsIgnoreCase(headers.getHeaderString(SxHeaders.SX_REQUEST));
    }
}
