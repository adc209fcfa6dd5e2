package coop.roseash.shared.services.events;

import coop.roseash.shared.model.events.CalendarSlot;
import coop.roseash.shared.model.events.CalendarSlotException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A recurring slot on one day: whether and when it runs (its exception applied), and its places. Every booking takes
 * its place with one conditional UPDATE of {@code slot_days.taken}; the schema's CHECK ({@code taken <= places})
 * refuses what the condition could miss, on any replica, so a slot that takes one booking never holds two.
 */
@ApplicationScoped
public class SlotDays {

    /** The slot's times on a day, {@code changed} when an exception moved them. */
    public record Opening(ZonedDateTime start, ZonedDateTime end, boolean changed) {
    }

    // the no-op update makes RETURNING give the id of a row that is already there
    private static final String DAY = "INSERT INTO slot_days (slot_id, on_date, places) VALUES (?1, ?2, ?3)"
            + " ON CONFLICT (slot_id, on_date) DO UPDATE SET places = slot_days.places RETURNING id";
    private static final String TAKE = "UPDATE slot_days SET taken = taken + ?1 WHERE id = ?2 AND taken + ?1 <= places";
    private static final String GIVE_BACK = "UPDATE slot_days SET taken = taken - ?1 WHERE id = ?2";

    private final EntityManager em;

    SlotDays(EntityManager em) {
        this.em = em;
    }

    /** How many bookings the slot takes at once; a slot without a capacity takes one. */
    public static int places(CalendarSlot slot) {
        return slot.capacity == null ? 1 : slot.capacity;
    }

    /** The slot's times on {@code date} with {@code exception} (null: none), or empty when it does not run then. */
    public static Optional<Opening> opening(CalendarSlot slot, LocalDate date, ZoneId zone,
                                            CalendarSlotException exception) {
        if (slot.dayOfWeek != date.getDayOfWeek().getValue() || (exception != null && exception.closed)) {
            return Optional.empty();
        }
        LocalTime from = exception == null ? slot.startTime : exception.startTime;
        LocalTime to = exception == null ? slot.endTime : exception.endTime;
        return Optional.of(new Opening(date.atTime(from).atZone(zone), date.atTime(to).atZone(zone), exception != null));
    }

    /** The slot's times on {@code date} in its calendar's zone, or empty when it does not run that day. */
    @Transactional
    public Optional<Opening> on(CalendarSlot slot, LocalDate date) {
        if (slot.dayOfWeek != date.getDayOfWeek().getValue()) {
            return Optional.empty();
        }
        CalendarSlotException exception = CalendarSlotException.<CalendarSlotException>find(
                "slot = ?1 and onDate = ?2", slot, date).firstResult();
        return opening(slot, date, ZoneId.of(slot.calendar.timeZone), exception);
    }

    /** The id of the slot's day {@code date}, made with the slot's places if it is not there yet. */
    @Transactional
    public long day(CalendarSlot slot, LocalDate date) {
        return ((Number) em.createNativeQuery(DAY).setParameter(1, slot.id).setParameter(2, date)
                .setParameter(3, places(slot)).getSingleResult()).longValue();
    }

    /** Takes {@code count} places of the day if that many are free; false (nothing taken) otherwise. */
    @Transactional
    public boolean take(long dayId, int count) {
        return em.createNativeQuery(TAKE).setParameter(1, count).setParameter(2, dayId).executeUpdate() == 1;
    }

    /** Gives {@code count} places of the day back (a booking declined or its order never paid). */
    @Transactional
    public void giveBack(long dayId, int count) {
        if (count > 0) {
            em.createNativeQuery(GIVE_BACK).setParameter(1, count).setParameter(2, dayId).executeUpdate();
        }
    }

    /** Places of the day still free, read now. */
    @Transactional
    public int left(long dayId) {
        return ((Number) em.createNativeQuery("SELECT places - taken FROM slot_days WHERE id = ?1")
                .setParameter(1, dayId).getSingleResult()).intValue();
    }
}
