package coop.roseash.cart.payments;

import coop.roseash.shared.model.cart.Order;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;

/** Moves an order through time for the reconciliation job: due now, or placed long ago. */
final class DueOrders {

    private DueOrders() {
    }

    static void dueNow(long orderId) {
        QuarkusTransaction.requiringNew().run(() -> Order.update("nextCheckAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), orderId));
    }

    /** As if order {@code orderId} had been placed {@code hours} ago, and due for a check now. */
    static void placedHoursAgo(long orderId, int hours) {
        // created_at is not updatable through the entity: plain SQL
        QuarkusTransaction.requiringNew().run(() -> Order.getEntityManager().createNativeQuery(
                        "UPDATE orders SET created_at = now() - make_interval(hours => ?1), next_check_at = now() WHERE id = ?2")
                .setParameter(1, hours).setParameter(2, orderId).executeUpdate());
    }
}
