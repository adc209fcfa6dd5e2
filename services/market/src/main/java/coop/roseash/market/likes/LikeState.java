package coop.roseash.market.likes;

/** How many members like a product, and whether the one asking does. */
public record LikeState(long count, boolean liked) {
}
