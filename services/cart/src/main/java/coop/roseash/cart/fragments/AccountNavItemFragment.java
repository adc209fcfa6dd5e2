package coop.roseash.cart.fragments;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** {@code account-nav-item}: cart's entry in the account dashboard's navigation, "Orders". */
@ApplicationScoped
public class AccountNavItemFragment implements FragmentProvider {

    private final ServiceUrls urls;
    private final SxEngine sx;

    AccountNavItemFragment(ServiceUrls urls, SxEngine sx) {
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.ACCOUNT_NAV_ITEM;
    }

    @Override
    public String render(FragmentParams params) {
        return sx.renderComponent("~cart/fragments/account-nav-item",
                Map.of("href", urls.publicUrl("cart") + "/orders"), null);
    }
}
