package coop.roseash.market.page;

/**
 * A market page: a market attached to a blog page (its container), at {@code /{slug}/} on the market service.
 *
 * @param open whether the container's settings turn the market on (visitors see it only then)
 */
public record MarketPageView(long id, String containerType, long containerId, String title, String slug,
                             String description, String href, boolean open) {
}
