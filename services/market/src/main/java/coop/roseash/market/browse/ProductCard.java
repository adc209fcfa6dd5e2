package coop.roseash.market.browse;

import java.util.List;

/**
 * A product as a market page lists it.
 *
 * @param price    the VAT-inclusive price as shown ("£2.50")
 * @param image    the first image's URL, or null
 * @param stock    units left, or null when stock is not tracked
 * @param maxQuantity the most one add to cart may ask for (the stock when tracked, else the cart's line limit)
 */
public record ProductCard(long id, String slug, String href, String title, String brand, String price, String unit,
                          List<String> labels, String image, boolean inStock, Integer stock, int maxQuantity) {
}
