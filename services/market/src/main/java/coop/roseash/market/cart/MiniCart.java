package coop.roseash.market.cart;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.fragments.FragmentClient;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The site header's mini cart ({@code cart-mini}, rendered by cart) for one identity, asked for after a change to its
 * cart: the change already dropped the cached copy (when it committed), so this is the cart's own, new rendering.
 * Empty when cart does not answer in time; the header then keeps what it showed.
 */
@ApplicationScoped
public class MiniCart {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final FragmentClient fragments;

    MiniCart(FragmentClient fragments) {
        this.fragments = fragments;
    }

    public String of(Identity who) {
        // the same parameters as the site header's (SiteHeaderFragments), so this is the copy every page shows next
        FragmentParams owner = who.isMember() ? FragmentParams.of("user_id", who.userId())
                : FragmentParams.of("device_id", who.deviceId());
        return fragments.fetch(FragmentCatalogue.CART_MINI.key(owner)).await().atMost(WAIT);
    }
}
