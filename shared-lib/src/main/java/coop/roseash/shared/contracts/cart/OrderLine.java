package coop.roseash.shared.contracts.cart;

import coop.roseash.shared.contracts.Identity;

/** One line of an order, as the cart hands it to the domain that sells the item. */
public record OrderLine(long orderId, String itemType, long itemId, int quantity, Identity buyer) {
}
