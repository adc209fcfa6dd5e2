package coop.roseash.shared.services.events;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.contracts.cart.OfferSource;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.CalendarSlot;
import coop.roseash.shared.model.events.EntryState;
import coop.roseash.shared.model.events.SlotDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Bookings of a priced slot as the cart sells them (item type {@code entry}, item id a slot day's id: the slot on one
 * date). At checkout the places are taken ({@link SlotDays#take}, enforced by the schema) and the bookings written as
 * entries in state {@code ordered} with the order's id; paying confirms them; an order that is never paid declines
 * them and gives the places back. Free slots are booked on the calendar directly, not through the cart.
 */
@ApplicationScoped
public class BookingOfferSource implements OfferSource {

    public static final String ITEM_TYPE = "entry";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final SlotDays days;
    private final EntityManager em;

    BookingOfferSource(SlotDays days, EntityManager em) {
        this.days = days;
        this.em = em;
    }

    @Override
    public String itemType() {
        return ITEM_TYPE;
    }

    @Override
    @Transactional
    public Optional<Offer> offer(long itemId) {
        return SlotDay.<SlotDay>findByIdOptional(itemId).map(day -> {
            CalendarSlot slot = day.slot;
            Optional<SlotDays.Opening> opening = days.on(slot, day.onDate);
            return new Offer(ITEM_TYPE, day.id, title(slot, day, opening),
                    slot.priceCents == null ? 0 : slot.priceCents, slot.currency, slot.calendar.containerType,
                    slot.calendar.containerId, onSale(slot, opening), Math.max(0, days.left(day.id)));
        });
    }

    /** A day of a slot sells through the cart while the slot has a price and runs that day, in the future. */
    private static boolean onSale(CalendarSlot slot, Optional<SlotDays.Opening> opening) {
        return slot.priceCents != null && opening.isPresent() && opening.get().start().toInstant().isAfter(Instant.now());
    }

    /** "Court — Tuesday 3 June 2031, 18:00–19:00" (the day's own times where an exception changed them). */
    public static String title(CalendarSlot slot, SlotDay day, Optional<SlotDays.Opening> opening) {
        String name = slot.label == null ? "Booking" : slot.label;
        return name + " — " + DAY.format(day.onDate) + opening.map(o -> ", " + HOURS.format(o.start()) + "–"
                + HOURS.format(o.end())).orElse("");
    }

    @Override
    @Transactional
    public void reserve(OrderLine line) {
        SlotDay day = SlotDay.findById(line.itemId());
        if (day == null) {
            throw new CartRefusal(Reason.NOT_FOUND, "A booking in your cart is no longer offered.");
        }
        CalendarSlot slot = day.slot;
        Optional<SlotDays.Opening> opening = days.on(slot, day.onDate);
        String title = "“" + title(slot, day, opening) + "”";
        if (!onSale(slot, opening)) {
            throw new CartRefusal(Reason.UNAVAILABLE, title + " can no longer be booked.");
        }
        if (line.quantity() < 1) {
            throw new CartRefusal(Reason.INVALID_QUANTITY, "Choose at least one place.");
        }
        if (!days.take(day.id, line.quantity())) {
            int left = Math.max(0, days.left(day.id));
            throw new CartRefusal(Reason.NOT_ENOUGH, left == 0
                    ? "Sorry, " + title + " is fully booked."
                    : "Only " + left + (left == 1 ? " place" : " places") + " left for " + title + ".");
        }
        Identity buyer = line.buyer();
        for (int i = 0; i < line.quantity(); i++) {
            CalendarEntry e = new CalendarEntry();
            e.calendar = slot.calendar;
            e.slot = slot;
            e.slotDayId = day.id;
            e.title = slot.label == null ? "Booking" : slot.label;
            e.startsAt = opening.get().start().toInstant();
            e.endsAt = opening.get().end().toInstant();
            e.state = EntryState.ORDERED;
            e.userId = buyer.userId();
            e.deviceId = buyer.isMember() ? null : buyer.deviceId();
            e.orderId = line.orderId();
            e.persist();
        }
    }

    @Override
    @Transactional
    public void confirm(OrderLine line) {
        em.createNativeQuery("UPDATE calendar_entries SET state = 'confirmed', version = version + 1, updated_at = now()"
                        + " WHERE order_id = ?1 AND slot_day_id = ?2 AND state = 'ordered'")
                .setParameter(1, line.orderId()).setParameter(2, line.itemId()).executeUpdate();
    }

    @Override
    @Transactional
    public void release(OrderLine line) {
        int declined = em.createNativeQuery("UPDATE calendar_entries SET state = 'declined', version = version + 1,"
                        + " updated_at = now() WHERE order_id = ?1 AND slot_day_id = ?2 AND state = 'ordered'")
                .setParameter(1, line.orderId()).setParameter(2, line.itemId()).executeUpdate();
        days.giveBack(line.itemId(), declined);
    }
}
