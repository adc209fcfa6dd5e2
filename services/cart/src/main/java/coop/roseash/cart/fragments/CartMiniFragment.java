package coop.roseash.cart.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.cart.items.CartService;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code cart-mini}: the item count of the cart of {@code user_id} (a member) or {@code device_id} (anonymous), linking to the cart. */
@ApplicationScoped
public class CartMiniFragment implements FragmentProvider {

    private final CartService carts;
    private final ServiceUrls urls;
    private final SxEngine sx;

    CartMiniFragment(CartService carts, ServiceUrls urls, SxEngine sx) {
        this.carts = carts;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.CART_MINI;
    }

    @Override
    public String render(FragmentParams params) {
        long count = carts.itemCount(identity(params));
        return sx.renderComponent("~cart/fragments/cart-mini",
                Map.of("count", count, "cart-url", urls.publicUrl("cart") + "/"), null);
    }

    static Identity identity(FragmentParams params) {
        String userId = params.get("user_id");
        if (userId != null) {
            return Identity.member(Long.parseLong(userId));
        }
        String deviceId = params.get("device_id");
        return deviceId == null || deviceId.isBlank() ? Identity.NONE : Identity.device(deviceId);
    }
}
