package coop.roseash.shared.contracts.cart;

import coop.roseash.shared.contracts.Identity;

/**
 * A CDI event fired by every write to an identity's cart lines (add, change, remove, adoption, checkout). Observed
 * after the transaction commits to drop that identity's cached {@code cart-mini} on every replica.
 */
public record CartChanged(Identity who) {
}
