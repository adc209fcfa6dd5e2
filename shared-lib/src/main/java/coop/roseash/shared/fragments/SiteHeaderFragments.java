package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;

import coop.roseash.shared.web.SiteHeader;
import coop.roseash.shared.web.SiteHeaderSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** The site header from blog's {@code nav-tree}, federation's {@code auth-menu} and cart's {@code cart-mini}, fetched concurrently. */
@ApplicationScoped
public class SiteHeaderFragments implements SiteHeaderSource {

    private final FragmentClient fragments;

    public SiteHeaderFragments(FragmentClient fragments) {
        this.fragments = fragments;
    }

    @Override
    public CompletionStage<SiteHeader> load(Long userId, String deviceId) {
        FragmentParams member = FragmentParams.of("user_id", userId);
        // an anonymous visitor's cart hangs off the device id; a member's off the member
        FragmentParams cartOwner = userId != null ? member : FragmentParams.of("device_id", deviceId);
        return Uni.combine().all().unis(
                        fragments.fetch(FragmentCatalogue.NAV_TREE.key(FragmentParams.NONE)),
                        fragments.fetch(FragmentCatalogue.AUTH_MENU.key(member)),
                        fragments.fetch(FragmentCatalogue.CART_MINI.key(cartOwner)))
                .with((navTree, authMenu, cartMini) -> new SiteHeader(navTree, authMenu, cartMini))
                .subscribeAsCompletionStage();
    }
}
