package coop.roseash.market.browse;

import java.util.List;

/**
 * One page of a market page's products.
 *
 * @param total   how many products match, counted up to {@code capped}
 * @param capped  true when there are more than {@code total} ("more than 2,400 products")
 * @param hasNext whether a next page has products
 */
public record BrowseResult(List<ProductCard> products, long total, boolean capped, boolean hasNext) {
}
