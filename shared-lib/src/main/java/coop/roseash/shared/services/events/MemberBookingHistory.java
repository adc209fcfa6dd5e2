package coop.roseash.shared.services.events;

import coop.roseash.shared.contracts.events.MemberBookings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** {@link MemberBookings} over events' {@code tickets}, {@code ticket_types}, {@code calendar_entries} and calendars. */
@ApplicationScoped
public class MemberBookingHistory implements MemberBookings {

    private final EntityManager em;

    MemberBookingHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<TicketRecord> tickets(long userId) {
        List<Object[]> rows = em.createNativeQuery("SELECT t.code, t.state, tt.name, tt.price_cents, tt.currency, e.title,"
                        + " e.starts_at, t.order_id, t.checked_in_at, t.created_at FROM tickets t"
                        + " JOIN ticket_types tt ON tt.id = t.ticket_type_id JOIN calendar_entries e ON e.id = tt.entry_id"
                        + " WHERE t.user_id = ?1 ORDER BY t.created_at, t.id")
                .setParameter(1, userId).getResultList();
        return rows.stream().map(r -> new TicketRecord((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                (String) r[4], (String) r[5], instant(r[6]), id(r[7]), instant(r[8]), instant(r[9]))).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<BookingRecord> bookings(long userId) {
        List<Object[]> rows = em.createNativeQuery("SELECT e.title, c.name, e.starts_at, e.ends_at, e.state, e.order_id,"
                        + " e.created_at FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id"
                        + " WHERE e.user_id = ?1 ORDER BY e.created_at, e.id")
                .setParameter(1, userId).getResultList();
        return rows.stream().map(r -> new BookingRecord((String) r[0], (String) r[1], instant(r[2]), instant(r[3]),
                (String) r[4], id(r[5]), instant(r[6]))).toList();
    }

    private static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
