package coop.roseash.cart.lines;

import java.util.List;

/** One page's cart: its lines, its total now, and whether it can be checked out as it is. */
public record CartPageView(String containerType, long containerId, String label, List<CartLineView> lines, String total,
                           boolean canCheckout) {
}
