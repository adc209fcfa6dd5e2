package coop.roseash.shared.contracts.cart;

import coop.roseash.shared.contracts.Identity;

/**
 * The cart domain, as market and events call it: put what they sell into a member's or device's cart. Every change
 * drops that identity's cached {@code cart-mini}.
 */
public interface Carts {

    /** Most units of one item a single cart line holds. */
    int MAX_LINE_QUANTITY = 99;

    /**
     * Adds {@code quantity} units of an item to {@code who}'s cart on the item's page, merged with the line already
     * there. Throws {@link CartRefusal} for a bad quantity, an unknown or withdrawn item, or more than is left.
     */
    CartLineAdded add(Identity who, String itemType, long itemId, int quantity);

    /** Units in all of this identity's carts; 0 for a visitor not identified yet. */
    long itemCount(Identity who);
}
