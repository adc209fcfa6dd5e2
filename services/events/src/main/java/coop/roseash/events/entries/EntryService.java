package coop.roseash.events.entries;

import coop.roseash.events.slots.SlotOccurrence;
import coop.roseash.events.slots.SlotService;
import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.CalendarSlot;
import coop.roseash.shared.model.events.EntryState;
import coop.roseash.shared.services.events.SlotDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Entries: events an admin puts on a calendar, and bookings of a slot on a day. */
@ApplicationScoped
public class EntryService {

    private final SlotService slots;
    private final SlotDays days;
    private final Event<EntryChanged> changed;

    EntryService(SlotService slots, SlotDays days, Event<EntryChanged> changed) {
        this.slots = slots;
        this.days = days;
        this.changed = changed;
    }

    /** An event at the given times on {@code date}, in the calendar's zone; pending until an admin moves it. */
    @Transactional
    public EntryView createEvent(long calendarId, String title, String description, String date, String start,
                                 String end, boolean isPublic) {
        Calendar calendar = requireCalendar(calendarId);
        String cleanTitle = Forms.required(title, "Title");
        LocalDate day = Forms.date(date, "Date");
        LocalTime from = Forms.time(start, "Start time");
        LocalTime to = Forms.time(end, "End time");
        if (!to.isAfter(from)) {
            throw new InvalidInput("The end time (" + to + ") must be after the start time (" + from + ").");
        }
        ZoneId zone = ZoneId.of(calendar.timeZone);
        CalendarEntry e = new CalendarEntry();
        e.calendar = calendar;
        e.title = cleanTitle;
        e.description = description == null || description.isBlank() ? null : description.strip();
        e.startsAt = day.atTime(from).atZone(zone).toInstant();
        e.endsAt = day.atTime(to).atZone(zone).toInstant();
        e.isPublic = isPublic;
        e.persist();
        return EntryView.of(e);
    }

    /** A slot on a day that a member wants to book: its day's id, and whether it has to be paid through the cart. */
    public record SlotDayChoice(long calendarId, long slotDayId, String date, boolean priced) {
    }

    /**
     * The day {@code date} of slot {@code slotId}, refused when the slot does not run that day or that day is over.
     * Its row of places is made if it is not there yet.
     */
    @Transactional
    public SlotDayChoice slotDay(long slotId, String date) {
        CalendarSlot slot = CalendarSlot.findById(slotId);
        if (slot == null) {
            throw new InvalidInput(404, "There is no such slot.");
        }
        LocalDate day = Forms.date(date, "Date");
        SlotOccurrence occurrence = slots.on(slot, day).orElseThrow(() -> new InvalidInput(409,
                "This slot does not run on " + day + "."));
        if (!occurrence.end().toInstant().isAfter(Instant.now())) {
            throw new InvalidInput(409, "This slot on " + day + " is over; choose a later day.");
        }
        return new SlotDayChoice(slot.calendar.id, days.day(slot, day), day.toString(), slot.priceCents != null);
    }

    /**
     * Books a free slot {@code slotId} on {@code date} for a member: refused when the slot does not run that day, is
     * full, or has a price (a priced slot is bought through the cart). The place is taken by one conditional UPDATE
     * of the day's row ({@link SlotDays#take}), so racing bookings cannot both take the last place.
     */
    @Transactional
    public EntryView book(long slotId, String date, long userId, String title) {
        SlotDayChoice choice = slotDay(slotId, date);
        CalendarSlot slot = CalendarSlot.findById(slotId);
        if (choice.priced()) {
            throw new InvalidInput(409, "This slot has a price: put it in your cart and pay to book it.");
        }
        LocalDate day = LocalDate.parse(choice.date());
        SlotOccurrence occurrence = slots.on(slot, day).orElseThrow();
        if (!days.take(choice.slotDayId(), 1)) {
            throw new InvalidInput(409, "This slot is already booked on " + day + " ("
                    + occurrence.places() + (occurrence.places() == 1 ? " booking" : " bookings") + " at a time).");
        }
        CalendarEntry e = new CalendarEntry();
        e.calendar = slot.calendar;
        e.slot = slot;
        e.slotDayId = choice.slotDayId();
        e.title = title == null || title.isBlank() ? (slot.label == null ? "Booking" : slot.label) : title.strip();
        e.startsAt = occurrence.start().toInstant();
        e.endsAt = occurrence.end().toInstant();
        e.userId = userId;
        e.persist();
        return EntryView.of(e);
    }

    /** Moves an entry to another state if the state machine allows it (409 with the reason otherwise). */
    @Transactional
    public EntryView transition(long entryId, String target) {
        CalendarEntry e = requireEntry(entryId);
        EntryState to = EntryTransitions.check(e.state, target);
        if (e.slotDayId != null) {
            movePlace(e, to);
        }
        boolean was = listed(e);
        e.state = to;
        changed.fire(new EntryChanged(e.id, was, listed(e)));
        return EntryView.of(e);
    }

    @Transactional
    public EntryView setPublic(long entryId, boolean isPublic) {
        CalendarEntry e = requireEntry(entryId);
        boolean was = listed(e);
        e.isPublic = isPublic;
        changed.fire(new EntryChanged(e.id, was, listed(e)));
        return EntryView.of(e);
    }

    @Transactional
    public Optional<EntryView> byId(long id) {
        return CalendarEntry.<CalendarEntry>findByIdOptional(id).map(EntryView::of);
    }

    /** Entries of a calendar overlapping [from, to). */
    @Transactional
    public List<EntryView> between(long calendarId, Instant from, Instant to) {
        return CalendarEntry.<CalendarEntry>list("calendar.id = ?1 and startsAt < ?3 and endsAt > ?2"
                        + " order by startsAt", calendarId, from, to).stream().map(EntryView::of).toList();
    }

    /** A member's bookings, newest first. */
    @Transactional
    public List<EntryView> bookingsOf(long userId) {
        return CalendarEntry.<CalendarEntry>list("userId = ?1 order by startsAt desc", userId).stream()
                .map(EntryView::of).toList();
    }

    /** A declined booking gives its place back; a reopened one takes it again, if it is still free. */
    private void movePlace(CalendarEntry e, EntryState to) {
        if (to == EntryState.DECLINED && e.state != EntryState.DECLINED) {
            days.giveBack(e.slotDayId, 1);
        } else if (e.state == EntryState.DECLINED && to != EntryState.DECLINED && !days.take(e.slotDayId, 1)) {
            throw new InvalidInput(409, "The slot is fully booked on that day now, so this booking cannot be reopened.");
        }
    }

    private static boolean listed(CalendarEntry e) {
        return e.isPublic && e.state == EntryState.CONFIRMED;
    }

    static CalendarEntry requireEntry(long id) {
        CalendarEntry e = CalendarEntry.findById(id);
        if (e == null) {
            throw new InvalidInput(404, "There is no such entry.");
        }
        return e;
    }

    private static Calendar requireCalendar(long id) {
        Calendar c = Calendar.findById(id);
        if (c == null) {
            throw new InvalidInput(404, "There is no such calendar.");
        }
        return c;
    }
}
