package coop.roseash.shared.services.cart;

import coop.roseash.shared.contracts.cart.CartChanged;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Drops a changed cart's {@code cart-mini} once the change is committed: dropped earlier, a page rendered in between
 * would cache the old count again for the fragment's whole TTL.
 */
@ApplicationScoped
public class CartMiniInvalidation {

    private static final String PROVIDER = "cart";

    private final FragmentCache cache;

    CartMiniInvalidation(FragmentCache cache) {
        this.cache = cache;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) CartChanged changed) {
        String type = FragmentCatalogue.CART_MINI.name();
        if (changed.who().userId() != null) {
            cache.invalidateWhere(PROVIDER, type, "user_id", changed.who().userId());
        }
        if (changed.who().deviceId() != null) {
            cache.invalidateWhere(PROVIDER, type, "device_id", changed.who().deviceId());
        }
    }
}
