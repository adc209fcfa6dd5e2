package coop.roseash.market.product;

import java.util.Set;

/** A CDI event fired when a product is created or changed; observed after commit to drop its link cards. */
public record ProductChanged(Set<String> slugs) {
}
