package coop.roseash.cart.adoption;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartChanged;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.model.cart.CartItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * On sign-in, the anonymous device's cart lines become the member's: one statement takes the device's lines out and
 * merges them into the member's (a line the member already has gets the units added, capped at
 * {@link Carts#MAX_LINE_QUANTITY}), so a second delivery of the same sign-in finds nothing left to adopt, and an add
 * racing with it either lands before (and is adopted) or after (on the member, who is signed in by then).
 */
@ApplicationScoped
public class DeviceCartAdoption {

    private static final String ADOPT = """
            WITH device_lines AS (
                DELETE FROM cart_items WHERE device_id = ?1 AND user_id IS NULL
                RETURNING container_type, container_id, item_type, item_id, quantity)
            INSERT INTO cart_items (user_id, device_id, container_type, container_id, item_type, item_id, quantity)
            SELECT ?2, ?1, container_type, container_id, item_type, item_id, LEAST(quantity, ?3) FROM device_lines
            ON CONFLICT (user_id, container_type, container_id, item_type, item_id) WHERE user_id IS NOT NULL
            DO UPDATE SET quantity = LEAST(cart_items.quantity + EXCLUDED.quantity, ?3), updated_at = now()""";

    private final Event<CartChanged> changed;

    DeviceCartAdoption(Event<CartChanged> changed) {
        this.changed = changed;
    }

    /** Moves device {@code deviceId}'s lines to member {@code userId}; returns how many lines were adopted. */
    @Transactional
    public int adopt(long userId, String deviceId) {
        int adopted = CartItem.getEntityManager().createNativeQuery(ADOPT)
                .setParameter(1, deviceId)
                .setParameter(2, userId)
                .setParameter(3, Carts.MAX_LINE_QUANTITY)
                .executeUpdate();
        if (adopted > 0) {
            changed.fire(new CartChanged(Identity.member(userId)));
            changed.fire(new CartChanged(Identity.device(deviceId)));
        }
        return adopted;
    }
}
