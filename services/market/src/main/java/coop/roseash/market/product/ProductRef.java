package coop.roseash.market.product;

/** A product named by a request (to add to a cart, to like): enough to check it and link back to it. */
public record ProductRef(long id, long marketPageId, String slug, String title, boolean available) {
}
