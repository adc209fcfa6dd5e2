package coop.roseash.shared.services.events;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.contracts.cart.OfferSource;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryState;
import coop.roseash.shared.model.events.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Events' tickets as the cart sells them (item type {@code ticket}, item id a ticket type's id). Capacity is taken
 * at checkout by one conditional UPDATE of {@code ticket_types.taken}; the schema's CHECK ({@code taken <= capacity})
 * refuses any oversell the condition could miss, on any replica. Reserving writes the order's tickets in state
 * {@code reserved}; paying issues them; release cancels them and gives the capacity back.
 */
@ApplicationScoped
public class TicketOfferSource implements OfferSource {

    public static final String ITEM_TYPE = "ticket";

    /** Takes {@code ?1} places of type {@code ?2} if that many are left (or it is unlimited). */
    public static final String TAKE = "UPDATE ticket_types SET taken = taken + ?1 WHERE id = ?2"
            + " AND (capacity IS NULL OR taken + ?1 <= capacity)";

    private static final String INSERT_TICKET = "INSERT INTO tickets (ticket_type_id, code, state, user_id, device_id,"
            + " order_id) VALUES (?1, ?2, 'reserved', ?3, ?4, ?5)";

    private final EntityManager em;

    TicketOfferSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public String itemType() {
        return ITEM_TYPE;
    }

    @Override
    @Transactional
    public Optional<Offer> offer(long itemId) {
        return TicketType.<TicketType>findByIdOptional(itemId).map(type -> {
            CalendarEntry entry = type.entry;
            Integer remaining = type.capacity == null ? null : Math.max(0, type.capacity - type.taken);
            return new Offer(ITEM_TYPE, type.id, entry.title + " — " + type.name, type.priceCents, type.currency,
                    entry.calendar.containerType, entry.calendar.containerId, onSale(entry), remaining);
        });
    }

    /** Tickets sell for a confirmed entry that has not ended. */
    public static boolean onSale(CalendarEntry entry) {
        return entry.state == EntryState.CONFIRMED && entry.endsAt.isAfter(Instant.now());
    }

    @Override
    @Transactional
    public void reserve(OrderLine line) {
        TicketType type = TicketType.findById(line.itemId());
        if (type == null) {
            throw new CartRefusal(Reason.NOT_FOUND, "A ticket in your cart no longer exists.");
        }
        String title = "“" + type.entry.title + " — " + type.name + "”";
        if (!onSale(type.entry)) {
            throw new CartRefusal(Reason.UNAVAILABLE, "Tickets for " + title + " are no longer on sale.");
        }
        if (line.quantity() < 1) {
            throw new CartRefusal(Reason.INVALID_QUANTITY, "Choose at least one ticket.");
        }
        int taken = em.createNativeQuery(TAKE).setParameter(1, line.quantity()).setParameter(2, type.id)
                .executeUpdate();
        if (taken != 1) {
            long left = type.capacity == null ? 0 : Math.max(0, type.capacity - currentTaken(type.id));
            throw new CartRefusal(Reason.NOT_ENOUGH, left == 0
                    ? "Sorry, " + title + " is sold out."
                    : "Only " + left + " of " + title + " left.");
        }
        Identity buyer = line.buyer();
        for (int i = 0; i < line.quantity(); i++) {
            em.createNativeQuery(INSERT_TICKET).setParameter(1, type.id).setParameter(2, TicketCodes.next())
                    .setParameter(3, buyer.userId()).setParameter(4, buyer.isMember() ? null : buyer.deviceId())
                    .setParameter(5, line.orderId()).executeUpdate();
        }
    }

    private int currentTaken(long typeId) {
        return ((Number) em.createNativeQuery("SELECT taken FROM ticket_types WHERE id = ?1").setParameter(1, typeId)
                .getSingleResult()).intValue();
    }

    @Override
    @Transactional
    public void confirm(OrderLine line) {
        em.createNativeQuery("UPDATE tickets SET state = 'issued', updated_at = now() WHERE order_id = ?1"
                        + " AND ticket_type_id = ?2 AND state = 'reserved'")
                .setParameter(1, line.orderId()).setParameter(2, line.itemId()).executeUpdate();
    }

    @Override
    @Transactional
    public void release(OrderLine line) {
        int cancelled = em.createNativeQuery("UPDATE tickets SET state = 'cancelled', updated_at = now()"
                        + " WHERE order_id = ?1 AND ticket_type_id = ?2 AND state = 'reserved'")
                .setParameter(1, line.orderId()).setParameter(2, line.itemId()).executeUpdate();
        if (cancelled > 0) {
            em.createNativeQuery("UPDATE ticket_types SET taken = taken - ?1 WHERE id = ?2")
                    .setParameter(1, cancelled).setParameter(2, line.itemId()).executeUpdate();
        }
    }
}
