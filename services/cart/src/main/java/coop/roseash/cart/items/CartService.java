package coop.roseash.cart.items;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.CartItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The cart domain: what an identity has in its carts across all pages. */
@ApplicationScoped
public class CartService {

    /** Units in all of this identity's carts (the mini cart's count); 0 for an unknown visitor. */
    @Transactional
    public long itemCount(Identity identity) {
        if (identity == null || !identity.isKnown()) {
            return 0;
        }
        // a device's lines are the ones no member has adopted yet
        return identity.isMember()
                ? sumQuantity("userId = ?1", identity.userId())
                : sumQuantity("deviceId = ?1 and userId is null", identity.deviceId());
    }

    private static long sumQuantity(String where, Object param) {
        Long sum = CartItem.getEntityManager()
                .createQuery("select sum(quantity) from CartItem where " + where, Long.class)
                .setParameter(1, param)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }
}
