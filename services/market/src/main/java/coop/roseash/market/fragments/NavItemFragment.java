package coop.roseash.market.fragments;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** {@code nav-item}: one link to the market, for other services' navigation. */
@ApplicationScoped
public class NavItemFragment implements FragmentProvider {

    private final ServiceUrls urls;
    private final SxEngine sx;

    NavItemFragment(ServiceUrls urls, SxEngine sx) {
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.NAV_ITEM;
    }

    @Override
    public String render(FragmentParams params) {
        return sx.renderComponent("~market/fragments/nav-item",
                Map.of("href", urls.publicUrl("market") + "/", "label", "Market"), null);
    }
}
