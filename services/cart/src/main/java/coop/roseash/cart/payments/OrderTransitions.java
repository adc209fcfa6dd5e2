package coop.roseash.cart.payments;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartChanged;
import coop.roseash.shared.contracts.cart.OfferSource;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderItem;
import coop.roseash.shared.model.cart.OrderStatus;
import coop.roseash.shared.services.cart.CartLinesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The only ways an order leaves {@code pending}. Each is one transaction whose first statement is a conditional
 * UPDATE on {@code status = 'pending'}: racing callers (webhook, return page, job, admin) queue on the row lock and
 * only the first changes the row, so an order is confirmed, or its reservations released, exactly once.
 */
@ApplicationScoped
public class OrderTransitions {

    private static final String LEAVE_PENDING = """
            UPDATE orders SET status = ?1, paid_at = CASE WHEN ?1 = 'paid' THEN now() ELSE paid_at END,
                   failure_reason = COALESCE(CAST(?2 AS text), failure_reason), version = version + 1, updated_at = now()
            WHERE id = ?3 AND status = 'pending'""";

    private final CartLinesService lines;
    private final Event<CartChanged> changed;

    OrderTransitions(CartLinesService lines, Event<CartChanged> changed) {
        this.lines = lines;
        this.changed = changed;
    }

    /**
     * Paid: the order is marked paid, every line's claim is made final by its selling domain, and the member's cart
     * lines that the order holds are cleared. Returns false when the order was not pending (already confirmed).
     */
    @Transactional
    public boolean confirmPaid(long orderId) {
        if (!leavePending(orderId, OrderStatus.PAID, null)) {
            return false;
        }
        Order order = Order.findById(orderId);
        List<OrderItem> items = items(orderId);
        forEachLine(order, items, OfferSource::confirm);
        Identity buyer = buyer(order);
        for (OrderItem item : items) {
            // the lines this order paid for; anything added to the cart meanwhile stays
            OrderItem.getEntityManager().createNativeQuery("""
                            DELETE FROM cart_items WHERE container_type = ?1 AND container_id = ?2 AND item_type = ?3
                            AND item_id = ?4 AND (CASE WHEN ?5 THEN user_id = ?6 ELSE device_id = ?7 AND user_id IS NULL END)""")
                    .setParameter(1, order.containerType).setParameter(2, order.containerId)
                    .setParameter(3, item.itemType.name().toLowerCase(Locale.ROOT)).setParameter(4, item.itemId)
                    .setParameter(5, buyer.isMember())
                    .setParameter(6, buyer.isMember() ? buyer.userId() : -1L)
                    .setParameter(7, buyer.isMember() ? "" : buyer.deviceId())
                    .executeUpdate();
        }
        changed.fire(new CartChanged(buyer));
        return true;
    }

    /**
     * Will never be paid (failed, expired, cancelled): the order closes with {@code reason} and every line's claim is
     * given back. Returns false when the order was not pending.
     */
    @Transactional
    public boolean close(long orderId, OrderStatus status, String reason) {
        if (status == OrderStatus.PAID || status == OrderStatus.PENDING) {
            throw new IllegalArgumentException("close ends an order unpaid, not " + status);
        }
        if (!leavePending(orderId, status, reason)) {
            return false;
        }
        Order order = Order.findById(orderId);
        forEachLine(order, items(orderId), OfferSource::release);
        return true;
    }

    /** SumUp reported something the order does not match: kept pending for an admin, never confirmed by itself. */
    @Transactional
    public void flag(long orderId, String reason) {
        Order.update("needsAttention = true, failureReason = ?1 where id = ?2", reason, orderId);
    }

    private static boolean leavePending(long orderId, OrderStatus status, String reason) {
        return Order.getEntityManager().createNativeQuery(LEAVE_PENDING)
                .setParameter(1, status.name().toLowerCase(Locale.ROOT))
                .setParameter(2, reason)
                .setParameter(3, orderId)
                .executeUpdate() == 1;
    }

    private static List<OrderItem> items(long orderId) {
        return OrderItem.list("order.id = ?1 order by id", orderId);
    }

    private void forEachLine(Order order, List<OrderItem> items, BiConsumer<OfferSource, OrderLine> action) {
        Identity buyer = buyer(order);
        for (OrderItem item : items) {
            String type = item.itemType.name().toLowerCase(Locale.ROOT);
            OfferSource source = lines.source(type).orElseThrow(() ->
                    new IllegalStateException("no offer source for item type " + type + " (order " + order.id + ")"));
            action.accept(source, new OrderLine(order.id, type, item.itemId, item.quantity, buyer));
        }
    }

    static Identity buyer(Order order) {
        return order.userId != null ? Identity.member(order.userId) : Identity.device(order.deviceId);
    }
}
