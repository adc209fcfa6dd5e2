package coop.roseash.market.page;

/** A CDI event fired when a market page is created or changed; observed after commit to drop its fragments. */
public record MarketChanged(String containerType, long containerId) {
}
