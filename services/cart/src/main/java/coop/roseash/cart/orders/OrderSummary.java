package coop.roseash.cart.orders;

/** An order in a list: for members their own, for the payments admin every order of a page. */
public record OrderSummary(long id, String status, String statusText, String total, String placedAt, String paidAt,
                           String email, String containerType, long containerId, String container, boolean needsAttention, String failureReason,
                           String sumupCheckoutId) {
}
