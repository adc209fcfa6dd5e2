package coop.roseash.cart.orders;

import coop.roseash.cart.web.Money;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderItem;
import coop.roseash.shared.model.cart.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Orders as members and the payments admin read them. */
@ApplicationScoped
public class OrderQueries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneOffset.UTC);

    /** The member's orders, newest first. */
    @Transactional
    public List<OrderSummary> forMember(long userId, int limit) {
        return Order.<Order>find("userId = ?1 order by createdAt desc, id desc", userId).page(0, limit).list().stream()
                .map(OrderQueries::summary).toList();
    }

    /** The member's order {@code orderId}; empty when there is none or it is someone else's. */
    @Transactional
    public Optional<OrderDetail> detailForMember(long userId, long orderId) {
        return Order.<Order>find("id = ?1 and userId = ?2", orderId, userId).firstResultOptional().map(OrderQueries::detail);
    }

    /** Whether order {@code orderId} is the member's. */
    @Transactional
    public boolean isMembers(long userId, long orderId) {
        return Order.count("id = ?1 and userId = ?2", orderId, userId) == 1;
    }

    /** Every order, or one page's, newest first (the payments admin). */
    @Transactional
    public List<OrderSummary> forAdmin(String containerType, Long containerId, int limit) {
        var query = containerType == null || containerId == null
                ? Order.<Order>find("order by createdAt desc, id desc")
                : Order.<Order>find("containerType = ?1 and containerId = ?2 order by createdAt desc, id desc",
                        containerType, containerId);
        return query.page(0, limit).list().stream().map(OrderQueries::summary).toList();
    }

    /** Any order, for the admin. */
    @Transactional
    public Optional<OrderDetail> detail(long orderId) {
        return Order.<Order>findByIdOptional(orderId).map(OrderQueries::detail);
    }

    private static OrderDetail detail(Order o) {
        List<OrderDetail.Line> lines = OrderItem.<OrderItem>list("order.id = ?1 order by id", o.id).stream()
                .map(i -> new OrderDetail.Line(i.title, i.quantity, Money.format(i.unitPriceCents, o.currency),
                        Money.format((long) i.unitPriceCents * i.quantity, o.currency)))
                .toList();
        return new OrderDetail(summary(o), lines, o.status == OrderStatus.PENDING ? o.hostedCheckoutUrl : null);
    }

    static OrderSummary summary(Order o) {
        return new OrderSummary(o.id, o.status.name().toLowerCase(java.util.Locale.ROOT), statusText(o),
                Money.format(o.amountCents, o.currency), when(o.createdAt), when(o.paidAt), o.email,
                o.containerType, o.containerId, o.containerType + " " + o.containerId, o.needsAttention, o.failureReason, o.sumupCheckoutId);
    }

    private static String statusText(Order o) {
        return switch (o.status) {
            case PENDING -> o.needsAttention ? "Being checked" : "Waiting for payment";
            case PAID -> "Paid";
            case FAILED -> "Payment failed";
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Payment expired";
        };
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant) + " UTC";
    }
}
