package coop.roseash.cart.items;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.Carts;
import jakarta.enterprise.context.ApplicationScoped;

/** The mini cart's count: units in all of an identity's carts, as the shared {@link Carts} counts them. */
@ApplicationScoped
public class CartService {

    private final Carts carts;

    CartService(Carts carts) {
        this.carts = carts;
    }

    /** Units in all of this identity's carts; 0 for an unknown visitor. */
    public long itemCount(Identity identity) {
        return carts.itemCount(identity);
    }
}
