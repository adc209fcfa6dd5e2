package coop.roseash.market.product;

import java.util.List;

/**
 * A product as its page shows it.
 *
 * @param price       the VAT-inclusive price ("£2.50")
 * @param vat         what the price includes ("incl. 20 % VAT (£0.42)", or "no VAT")
 * @param stockText   "12 in stock", "Out of stock", or null when stock is not tracked
 * @param available   false once withdrawn: the page says so and offers nothing to buy
 * @param maxQuantity the most one add to cart may ask for
 * @param brandHref   the market page filtered to this brand, or null
 * @param categoryHref the market page filtered to this category, or null
 */
public record ProductView(long id, String slug, String href, String title, String brand, String brandHref,
                          String category, String categoryHref, String price, String vat, String unit,
                          List<String> labels, List<String> images, String descriptionHtml, Integer stock,
                          String stockText, boolean inStock, boolean available, int maxQuantity) {
}
