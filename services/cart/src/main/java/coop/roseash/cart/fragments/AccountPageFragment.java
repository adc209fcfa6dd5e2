package coop.roseash.cart.fragments;

import coop.roseash.cart.orders.OrderQueries;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * {@code account-page/orders}: the member's recent orders for the account dashboard, linking to each order in the cart.
 * Another slug, or no member, renders nothing.
 */
@ApplicationScoped
public class AccountPageFragment implements FragmentProvider {

    private final OrderQueries orders;
    private final ServiceUrls urls;
    private final SxEngine sx;

    AccountPageFragment(OrderQueries orders, ServiceUrls urls, SxEngine sx) {
        this.orders = orders;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.ACCOUNT_PAGE;
    }

    @Override
    public String render(FragmentParams params) {
        String userId = params.get("user_id");
        if (!"orders".equals(params.get("slug")) || userId == null || !userId.matches("\\d{1,18}")) {
            return "";
        }
        return sx.renderComponent("~cart/fragments/account-orders", Map.of(
                "orders", orders.forMember(Long.parseLong(userId), 20),
                "cart-url", urls.publicUrl("cart")), null);
    }
}
