package coop.roseash.events.fragments;

import coop.roseash.events.web.Args;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code account-nav-item}: the account dashboard's "Tickets" and "Bookings" links. */
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
        return sx.renderComponent("~events/fragments/account-nav-item", Args.of()
                .with("account", urls.publicUrl("account")).map(), null);
    }
}
