package coop.roseash.cart.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What events sells, written as rows (calendars, entries, ticket types) so the cart's tests depend on the schema and
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
