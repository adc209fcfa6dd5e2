package coop.roseash.shared.contracts.blog;

import java.util.Optional;

/**
 * A container page's settings, for the services that attach to a page: market and events read whether
 * they are turned on, cart reads the SumUp credentials for the checkout. Only blog's admin changes them, except
 * {@link #enableMarket} for the demo content of a local run.
 */
public interface PageSettings {

    /** The container's settings; all features off and no credentials when none were saved. */
    PageSettingsView settings(String containerType, long containerId);

    /** The container's SumUp API key in clear, for the checkout; empty when none is set. */
    Optional<String> sumupApiKey(String containerType, long containerId);

    /**
     * Turns the container's market on, keeping every other setting: for seeding a local run's demo market
     * (market's {@code democontent}). Admins turn features on and off in blog's settings page.
     */
    PageSettingsView enableMarket(String containerType, long containerId);
}
