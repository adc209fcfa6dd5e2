package coop.roseash.market.support;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * cart's {@code cart-mini}, played by the market's test application (cart does not run here): the same markup as
 * cart's, with the count from cart's contract, served over signed HTTP like the real one.
 */
@ApplicationScoped
public class TestCartMini implements FragmentProvider {

    private final Carts carts;

    TestCartMini(Carts carts) {
        this.carts = carts;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.CART_MINI;
    }

    @Override
    public String render(FragmentParams params) {
        String userId = params.get("user_id");
        String deviceId = params.get("device_id");
        Identity who = userId != null ? Identity.member(Long.parseLong(userId))
                : deviceId == null ? Identity.NONE : Identity.device(deviceId);
        long count = carts.itemCount(who);
        return "<a class=\"cart-mini\" href=\"http://cart.localhost:8003/\" title=\"Cart: " + count + " items\">"
                + "<span class=\"cart-mini-label\">Cart</span> <span class=\"cart-mini-count\">" + count + "</span></a>";
    }
}
