package coop.roseash.cart.support;

import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.contracts.blog.PageSettingsView;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Optional;

/**
 * Pages' SumUp settings for tests, instead of blog's encrypted ones: every page takes payments with merchant
 * {@link #MERCHANT} and key {@link #API_KEY}, except page {@link #NO_PAYMENTS}, which has none.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestPageSettings implements PageSettings {

    public static final String MERCHANT = "MTEST0001";
    public static final String API_KEY = "sup_sk_test_key";
    public static final long NO_PAYMENTS = 999_999_999L;

    @Override
    public PageSettingsView settings(String containerType, long containerId) {
        boolean pays = containerId != NO_PAYMENTS;
        return new PageSettingsView(containerType, containerId, pays ? MERCHANT : null, pays, false, true, false);
    }

    @Override
    public Optional<String> sumupApiKey(String containerType, long containerId) {
        return containerId == NO_PAYMENTS ? Optional.empty() : Optional.of(API_KEY);
    }

    @Override
    public PageSettingsView enableMarket(String containerType, long containerId) {
        // every test page has its market on already
        return settings(containerType, containerId);
    }
}
