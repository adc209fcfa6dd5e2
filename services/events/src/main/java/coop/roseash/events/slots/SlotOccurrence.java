package coop.roseash.events.slots;

import java.time.ZonedDateTime;

/**
 * A slot on one date, its times already changed by an exception if it has one.
 *
 * @param price what a booking costs, as text; null for a free slot (booked directly, not through the cart)
 */
public record SlotOccurrence(long slotId, String label, ZonedDateTime start, ZonedDateTime end, Integer capacity,
                             boolean changed, String price) {

    /** How many bookings the slot takes at once; a slot without a capacity takes one. */
    public int places() {
        return capacity == null ? 1 : capacity;
    }
}
