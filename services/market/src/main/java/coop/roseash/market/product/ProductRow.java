package coop.roseash.market.product;

/** A product in the admin's list of a market page's products, on sale or withdrawn. */
public record ProductRow(long id, String title, String brand, String category, String price, String stock,
                         boolean available, String editHref, String publicHref) {
}
