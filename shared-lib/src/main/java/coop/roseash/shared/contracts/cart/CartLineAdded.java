package coop.roseash.shared.contracts.cart;

/** What adding to the cart did: the line as it is now and the identity's units in all carts (the mini cart). */
public record CartLineAdded(long lineId, String title, int quantity, long cartItemCount) {
}
