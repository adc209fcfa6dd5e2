package coop.roseash.events.tickets;

import coop.roseash.events.web.Prices;
import coop.roseash.shared.model.events.TicketType;

/** A ticket type with its price as text and how many are left (null: unlimited). */
public record TicketTypeView(long id, long entryId, String name, int priceCents, String price, String currency,
                             Integer capacity, int taken, Integer remaining) {

    public static TicketTypeView of(TicketType t) {
        return new TicketTypeView(t.id, t.entry.id, t.name, t.priceCents, Prices.text(t.priceCents, t.currency), t.currency,
                t.capacity, t.taken, t.capacity == null ? null : Math.max(0, t.capacity - t.taken));
    }
}
