package coop.roseash.events.slots;

import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Prices;
import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.CalendarSlot;
import coop.roseash.shared.model.events.CalendarSlotException;
import coop.roseash.shared.services.events.SlotDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Recurring slots of a calendar (ISO weekday, times, capacity, price) and the dates on which one differs. */
@ApplicationScoped
public class SlotService {

    private final SlotDays days;

    SlotService(SlotDays days) {
        this.days = days;
    }

    @Transactional
    public long add(long calendarId, String day, String start, String end, String label, String capacity,
                    String price) {
        Calendar calendar = Calendar.findById(calendarId);
        if (calendar == null) {
            throw new InvalidInput(404, "There is no such calendar.");
        }
        int dayOfWeek = Forms.requiredInt(day, "Day of week");
        if (dayOfWeek < 1 || dayOfWeek > 7) {
            throw new InvalidInput("Day of week must be 1 (Monday) to 7 (Sunday).");
        }
        LocalTime from = Forms.time(start, "Start time");
        LocalTime to = Forms.time(end, "End time");
        requireOrder(from, to);
        Integer places = Forms.optionalInt(capacity, "Capacity");
        if (places != null && places < 1) {
            throw new InvalidInput("A slot's capacity must be at least 1 (leave it empty for one booking at a time).");
        }
        CalendarSlot slot = new CalendarSlot();
        slot.calendar = calendar;
        slot.dayOfWeek = dayOfWeek;
        slot.startTime = from;
        slot.endTime = to;
        slot.label = label == null || label.isBlank() ? null : label.strip();
        slot.capacity = places;
        slot.priceCents = parsePrice(price);
        slot.persist();
        return slot.id;
    }

    /** Sets or clears (blank) the price of a booking; returns the slot's calendar. Orders already placed keep their price. */
    @Transactional
    public long setPrice(long slotId, String price) {
        CalendarSlot slot = CalendarSlot.findById(slotId);
        if (slot == null) {
            throw new InvalidInput(404, "There is no such slot.");
        }
        slot.priceCents = parsePrice(price);
        return slot.calendar.id;
    }

    /** A booking's price in cents, null (free) when blank; a price of zero is refused: leave it empty for free. */
    private static Integer parsePrice(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        int cents = Forms.priceCents(typed, "Price");
        if (cents == 0) {
            throw new InvalidInput("A price must be more than 0 (leave it empty for free bookings).");
        }
        return cents;
    }

    /** Closes a slot on {@code date}, or opens it at other times when {@code closed} is false. Returns its calendar. */
    @Transactional
    public long addException(long slotId, String date, boolean closed, String start, String end) {
        CalendarSlot slot = CalendarSlot.findById(slotId);
        if (slot == null) {
            throw new InvalidInput(404, "There is no such slot.");
        }
        LocalDate on = Forms.date(date, "Date");
        if (on.getDayOfWeek().getValue() != slot.dayOfWeek) {
            throw new InvalidInput(on + " is a " + dayName(on.getDayOfWeek().getValue()) + "; this slot is on "
                    + dayName(slot.dayOfWeek) + "s.");
        }
        CalendarSlotException ex = CalendarSlotException.<CalendarSlotException>find("slot = ?1 and onDate = ?2",
                slot, on).firstResultOptional().orElseGet(CalendarSlotException::new);
        ex.slot = slot;
        ex.onDate = on;
        ex.closed = closed;
        if (closed) {
            ex.startTime = null;
            ex.endTime = null;
        } else {
            ex.startTime = Forms.time(start, "Start time");
            ex.endTime = Forms.time(end, "End time");
            requireOrder(ex.startTime, ex.endTime);
        }
        ex.persist();
        return slot.calendar.id;
    }

    /** Deletes a slot; returns its calendar's id. Bookings of it stay, without their slot. */
    @Transactional
    public long delete(long slotId) {
        CalendarSlot slot = CalendarSlot.findById(slotId);
        if (slot == null) {
            throw new InvalidInput(404, "There is no such slot.");
        }
        long calendarId = slot.calendar.id;
        CalendarSlotException.delete("slot", slot);
        slot.delete();
        return calendarId;
    }

    /** The calendar of a slot, or null when there is no such slot. */
    @Transactional
    public Long calendarOf(long slotId) {
        CalendarSlot s = CalendarSlot.findById(slotId);
        return s == null ? null : s.calendar.id;
    }

    @Transactional
    public List<SlotView> forCalendar(long calendarId) {
        Map<Long, List<SlotView.ExceptionView>> exceptions = CalendarSlotException
                .<CalendarSlotException>list("slot.calendar.id = ?1 order by onDate", calendarId).stream()
                .collect(Collectors.groupingBy(e -> e.slot.id, Collectors.mapping(e -> new SlotView.ExceptionView(
                        e.id, e.onDate.toString(), e.closed, text(e.startTime), text(e.endTime)), Collectors.toList())));
        return CalendarSlot.<CalendarSlot>list("calendar.id = ?1 order by dayOfWeek, startTime", calendarId).stream()
                .map(s -> new SlotView(s.id, s.dayOfWeek, dayName(s.dayOfWeek), text(s.startTime), text(s.endTime),
                        s.label, s.capacity, priceText(s), s.priceCents == null ? ""
                        : BigDecimal.valueOf(s.priceCents, 2).toPlainString(), exceptions.getOrDefault(s.id, List.of())))
                .toList();
    }

    /** Every slot occurrence of the calendar from {@code first} to {@code last} (inclusive), exceptions applied. */
    @Transactional
    public List<SlotOccurrence> occurrences(long calendarId, ZoneId zone, LocalDate first, LocalDate last) {
        List<CalendarSlot> slots = CalendarSlot.list("calendar.id", calendarId);
        if (slots.isEmpty()) {
            return List.of();
        }
        Map<String, CalendarSlotException> exceptions = CalendarSlotException.<CalendarSlotException>list(
                        "slot.calendar.id = ?1 and onDate between ?2 and ?3", calendarId, first, last).stream()
                .collect(Collectors.toMap(e -> e.slot.id + "@" + e.onDate, e -> e));
        List<SlotOccurrence> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (CalendarSlot s : slots) {
                if (s.dayOfWeek == d.getDayOfWeek().getValue()) {
                    occurrence(s, d, zone, exceptions.get(s.id + "@" + d)).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(SlotOccurrence::start));
        return out;
    }

    /** The slot on {@code date}, or empty when it does not run that day (other weekday, or closed). */
    @Transactional
    public Optional<SlotOccurrence> on(CalendarSlot slot, LocalDate date) {
        return days.on(slot, date).map(o -> occurrence(slot, o));
    }

    private static Optional<SlotOccurrence> occurrence(CalendarSlot s, LocalDate d, ZoneId zone,
                                                       CalendarSlotException ex) {
        return SlotDays.opening(s, d, zone, ex).map(o -> occurrence(s, o));
    }

    private static SlotOccurrence occurrence(CalendarSlot s, SlotDays.Opening o) {
        return new SlotOccurrence(s.id, s.label, o.start(), o.end(), s.capacity, o.changed(), priceText(s));
    }

    private static String priceText(CalendarSlot s) {
        return s.priceCents == null ? null : Prices.text(s.priceCents, s.currency);
    }

    private static void requireOrder(LocalTime from, LocalTime to) {
        if (!to.isAfter(from)) {
            throw new InvalidInput("The end time (" + to + ") must be after the start time (" + from + ").");
        }
    }

    public static String dayName(int isoDay) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private static String text(LocalTime t) {
        return t == null ? null : t.toString();
    }
}
