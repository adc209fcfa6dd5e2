package coop.roseash.shared.contracts.cart;

/**
 * Something a domain sells through the cart, as it is now. The cart re-reads it on every add and at checkout;
 * prices, titles and availability never come from the client.
 *
 * @param itemType      the cart's item type: {@code product}, {@code ticket} or {@code entry}
 * @param containerType the page it is sold on (each page has its own cart and SumUp merchant)
 * @param available     false for a withdrawn product, a past event, a ticket type no longer on sale
 * @param remaining     units that can still be bought; null when not limited
 */
public record Offer(String itemType, long itemId, String title, int unitPriceCents, String currency,
                    String containerType, long containerId, boolean available, Integer remaining) {
}
