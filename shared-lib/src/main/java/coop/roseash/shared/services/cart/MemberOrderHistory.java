package coop.roseash.shared.services.cart;

import coop.roseash.shared.contracts.cart.MemberOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link MemberOrders} over cart's {@code orders} and {@code order_items}. */
@ApplicationScoped
public class MemberOrderHistory implements MemberOrders {

    private final EntityManager em;

    MemberOrderHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<OrderRecord> ofMember(long userId) {
        List<Object[]> rows = em.createNativeQuery("SELECT o.id, o.checkout_reference, o.status, o.amount_cents, o.currency,"
                        + " o.email, o.created_at, o.paid_at, i.item_type, i.title, i.quantity, i.unit_price_cents"
                        + " FROM orders o LEFT JOIN order_items i ON i.order_id = o.id WHERE o.user_id = ?1"
                        + " ORDER BY o.created_at, o.id, i.id")
                .setParameter(1, userId).getResultList();
        Map<Long, Object[]> orders = new LinkedHashMap<>();
        Map<Long, List<Line>> lines = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            orders.putIfAbsent(id, r);
            List<Line> of = lines.computeIfAbsent(id, k -> new ArrayList<>());
            if (r[8] != null) {
                of.add(new Line((String) r[8], (String) r[9], ((Number) r[10]).intValue(), ((Number) r[11]).intValue()));
            }
        }
        return orders.values().stream().map(r -> new OrderRecord(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5], instant(r[6]), instant(r[7]),
                List.copyOf(lines.get(((Number) r[0]).longValue())))).toList();
    }

    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
