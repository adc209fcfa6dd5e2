package coop.roseash.cart.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What events sells, written as rows (calendars, entries, ticket types, priced slots) so the cart's tests depend on the schema and
 * on the events domain's offer sources, not on the events service's code. Each call makes its own calendar.
 */
public final class EventRows {

    private final EntityManager em;

    public EventRows(EntityManager em) {
        this.em = em;
    }

    /** A ticket type of a confirmed entry on page {@code page}, {@code daysAhead} from now. */
    public long ticketType(long page, String event, String name, int priceCents, Integer capacity, int daysAhead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long entry = id(em.createNativeQuery("""
                    INSERT INTO calendar_entries (calendar_id, title, starts_at, ends_at, state, public)
                    VALUES (?1, ?2, ?3, ?4, 'confirmed', true) RETURNING id""")
                    .setParameter(1, calendar(page)).setParameter(2, event)
                    .setParameter(3, Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS))
                    .setParameter(4, Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                            .plus(2, ChronoUnit.HOURS))
                    .getSingleResult());
            return id(em.createNativeQuery("""
                    INSERT INTO ticket_types (entry_id, name, price_cents, currency, capacity)
                    VALUES (?1, ?2, ?3, 'GBP', ?4) RETURNING id""")
                    .setParameter(1, entry).setParameter(2, name).setParameter(3, priceCents)
                    .setParameter(4, capacity).getSingleResult());
        });
    }

    /**
     * A priced slot (18:00–19:00 London time, {@code places} bookings at once) on page {@code page} and its day
     * {@code date}: what a cart's booking line (item type {@code entry}) names. Returns the slot day's id.
     */
    public long slotDay(long page, String label, int priceCents, int places, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long slot = id(em.createNativeQuery("""
                    INSERT INTO calendar_slots (calendar_id, day_of_week, start_time, end_time, label, capacity,
                                                price_cents)
                    VALUES (?1, ?2, '18:00', '19:00', ?3, ?4, ?5) RETURNING id""")
                    .setParameter(1, calendar(page)).setParameter(2, date.getDayOfWeek().getValue())
                    .setParameter(3, label).setParameter(4, places).setParameter(5, priceCents).getSingleResult());
            return id(em.createNativeQuery(
                            "INSERT INTO slot_days (slot_id, on_date, places) VALUES (?1, ?2, ?3) RETURNING id")
                    .setParameter(1, slot).setParameter(2, date).setParameter(3, places).getSingleResult());
        });
    }

    /** The bookings (calendar entries) an order holds, as "state" per entry. */
    public java.util.List<String> bookingStates(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT state FROM calendar_entries WHERE order_id = ?1 ORDER BY id", String.class)
                .setParameter(1, orderId).getResultList());
    }

    /** Places taken of a slot day. */
    public int taken(long slotDay) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT taken FROM slot_days WHERE id = ?1").setParameter(1, slotDay).getSingleResult()).intValue());
    }

    private long calendar(long page) {
        return id(em.createNativeQuery("""
                INSERT INTO calendars (container_type, container_id, name, slug, time_zone)
                VALUES ('page', ?1, 'Hall', ?2, 'Europe/London') RETURNING id""")
                .setParameter(1, page).setParameter(2, "hall-" + page + "-" + System.nanoTime()).getSingleResult());
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
