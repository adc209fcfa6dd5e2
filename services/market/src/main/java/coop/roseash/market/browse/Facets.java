package coop.roseash.market.browse;

import java.util.List;

/**
 * What the filters of a market page offer: its categories, and the brands and labels of what is shown (the whole
 * market, or the chosen category). Only products on sale count.
 */
public record Facets(List<String> categories, List<String> brands, List<String> labels) {
}
