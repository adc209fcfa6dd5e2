package coop.roseash.events.entries;

import coop.roseash.events.slots.SlotOccurrence;
import coop.roseash.events.slots.SlotService;
import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.CalendarSlot;
import coop.roseash.shared.model.events.EntryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
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
    private final Event<EntryChanged> changed;

    EntryService(SlotService slots, Event<EntryChanged> changed) {
        this.slots = slots;
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

    /**
     * Books slot {@code slotId} on {@code date} for a member: refused when the slot does not run that day or is
     * full. The slot's row is locked while its bookings are counted, so two racing bookings cannot both take the
     * last place.
     */
    @Transactional
    public EntryView book(long slotId, String date, long userId, String title) {
        CalendarSlot slot = CalendarSlot.getEntityManager().find(CalendarSlot.class, slotId,
                LockModeType.PESSIMISTIC_WRITE);
        if (slot == null) {
            throw new InvalidInput(404, "There is no such slot.");
        }
        LocalDate day = Forms.date(date, "Date");
        ZoneId zone = ZoneId.of(slot.calendar.timeZone);
        SlotOccurrence occurrence = slots.on(slot, day, zone).orElseThrow(() -> new InvalidInput(409,
                "This slot does not run on " + day + "."));
        Instant start = occurrence.start().toInstant();
        Instant end = occurrence.end().toInstant();
        long taken = CalendarEntry.count("slot = ?1 and startsAt < ?3 and endsAt > ?2 and state != ?4",
                slot, start, end, EntryState.DECLINED);
        if (taken >= occurrence.places()) {
            throw new InvalidInput(409, "This slot is already booked on " + day + " ("
                    + occurrence.places() + (occurrence.places() == 1 ? " booking" : " bookings") + " at a time).");
        }
        CalendarEntry e = new CalendarEntry();
        e.calendar = slot.calendar;
        e.slot = slot;
        e.title = title == null || title.isBlank() ? (slot.label == null ? "Booking" : slot.label) : title.strip();
        e.startsAt = start;
        e.endsAt = end;
        e.userId = userId;
        e.persist();
        return EntryView.of(e);
    }

    /** Moves an entry to another state if the state machine allows it (409 with the reason otherwise). */
    @Transactional
    public EntryView transition(long entryId, String target) {
        CalendarEntry e = requireEntry(entryId);
        EntryState to = EntryTransitions.check(e.state, target);
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
