package coop.roseash.shared.contracts.cart;

import java.util.Optional;

/**
 * A domain's side of selling through the cart: market's products, events' tickets and bookings. Each domain that
 * sells provides one bean per item type in its implementation package; the cart finds them all through CDI and asks
 * the one whose {@link #itemType()} matches. {@link #reserve}, {@link #confirm} and {@link #release} run inside the
 * cart's transaction (one database), so an order and its stock, tickets or bookings change together or not at all.
 */
public interface OfferSource {

    /** The cart item type this source sells: {@code product}, {@code ticket} or {@code entry}. */
    String itemType();

    /** The item as it is now; empty when there is no such item. */
    Optional<Offer> offer(long itemId);

    /**
     * At checkout: claims stock or capacity for the line, enforced in the database so racing buyers cannot
     * oversell. Throws {@link CartRefusal} ({@code NOT_ENOUGH} or {@code UNAVAILABLE}) when it cannot.
     */
    void reserve(OrderLine line);

    /** Once the order is paid, exactly once per order: makes the claim final (tickets issued, entries confirmed). */
    void confirm(OrderLine line);

    /** The order will never be paid (failed, expired, cancelled): gives the claim back. */
    void release(OrderLine line);
}
