package coop.roseash.market.fragments;

import coop.roseash.market.page.MarketChanged;
import coop.roseash.market.product.ProductChanged;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Drops the market's cached fragments once a change is committed (dropped earlier, a page rendered in between would
 * cache the old content again for the fragment's whole TTL): a market page's {@code container-nav}, and the
 * {@code link-card}s of changed products (all of them when a market page moves, since their links change).
 */
@ApplicationScoped
public class MarketFragmentInvalidation {

    static final String PROVIDER = "market";

    private final FragmentCache cache;

    MarketFragmentInvalidation(FragmentCache cache) {
        this.cache = cache;
    }

    void marketChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarketChanged changed) {
        cache.invalidateWhere(PROVIDER, FragmentCatalogue.CONTAINER_NAV.name(), "container_id", changed.containerId());
        cache.invalidateAll(PROVIDER, FragmentCatalogue.LINK_CARD);
    }

    void productChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged changed) {
        changed.slugs().forEach(slug ->
                cache.invalidateWhere(PROVIDER, FragmentCatalogue.LINK_CARD.name(), "slug", slug));
    }
}
