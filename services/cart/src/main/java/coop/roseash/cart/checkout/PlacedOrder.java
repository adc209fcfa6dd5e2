package coop.roseash.cart.checkout;

/** An order just placed: what the SumUp checkout needs of it. */
public record PlacedOrder(long id, String checkoutReference, int amountCents, String currency, String merchantCode,
                          String containerType, long containerId) {
}
