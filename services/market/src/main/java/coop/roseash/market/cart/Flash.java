package coop.roseash.market.cart;

import coop.roseash.market.product.ProductRef;
import coop.roseash.market.product.Products;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message a page shows after a form added to the cart without JavaScript (post/redirect/get): the redirect
 * carries {@code added=PRODUCT-QUANTITY}, and the text is made here from the product's own name, so nothing from the
 * address is ever echoed into the page.
 */
public final class Flash {

    public static final String PARAM = "added";
    private static final Pattern ADDED = Pattern.compile("(\\d{1,18})-(\\d{1,2})");

    private Flash() {
    }

    /** {@code added} for product {@code productId}, {@code quantity} units. */
    public static String value(long productId, int quantity) {
        return productId + "-" + quantity;
    }

    /** "Added to your cart: 2 × Oat flakes." for a well-formed {@code added} naming a product of this market. */
    public static Optional<String> message(String added, long marketPageId, Products products) {
        if (added == null) {
            return Optional.empty();
        }
        Matcher m = ADDED.matcher(added);
        if (!m.matches()) {
            return Optional.empty();
        }
        int quantity = Integer.parseInt(m.group(2));
        return products.inMarket(marketPageId, Long.parseLong(m.group(1)))
                .map(ProductRef::title)
                .map(title -> "Added to your cart: " + quantity + " × " + title + ".");
    }
}
