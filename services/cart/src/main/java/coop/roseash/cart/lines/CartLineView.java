package coop.roseash.cart.lines;

/**
 * A cart line as the member sees it now: title and price from the selling domain, never stored in the cart.
 *
 * @param problem why this line cannot be checked out as it is (withdrawn, too few left), or null
 */
public record CartLineView(long id, String title, String unitPrice, int quantity, String lineTotal, String problem) {
}
