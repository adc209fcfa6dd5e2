package coop.roseash.cart.payments;

import coop.roseash.shared.model.cart.Order;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;

/** Moves an order's next reconciliation to now, as if its wait were over. */
final class DueOrders {

    private DueOrders() {
    }

    static void dueNow(long orderId) {
        QuarkusTransaction.requiringNew().run(() -> Order.update("nextCheckAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), orderId));
    }
}
