package coop.roseash.events.views;

import coop.roseash.events.calendar.CalendarView;
import coop.roseash.events.slots.SlotOccurrence;
import coop.roseash.events.slots.SlotService;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days of a month, week or day view of a calendar, read in the calendar's time zone: its public confirmed
 * entries and its slots' openings. One query for the entries of the whole range.
 */
@ApplicationScoped
public class CalendarPages {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final SlotService slots;
    private final Clock clock;

    CalendarPages(SlotService slots) {
        this.slots = slots;
        this.clock = Clock.systemUTC();
    }

    public LocalDate today(CalendarView c) {
        return LocalDate.now(clock.withZone(ZoneId.of(c.timeZone())));
    }

    /** Whole weeks (Monday first) covering the month. */
    @Transactional
    public List<List<CalendarDay>> month(CalendarView c, YearMonth month) {
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<CalendarDay> days = days(c, first, last, month, false);
        List<List<CalendarDay>> weeks = new ArrayList<>();
        for (int i = 0; i < days.size(); i += 7) {
            weeks.add(days.subList(i, i + 7));
        }
        return weeks;
    }

    /** Monday to Sunday of the week holding {@code date}, with slot openings. */
    @Transactional
    public List<CalendarDay> week(CalendarView c, LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return days(c, monday, monday.plusDays(6), null, true);
    }

    @Transactional
    public CalendarDay day(CalendarView c, LocalDate date) {
        return days(c, date, date, null, true).get(0);
    }

    private List<CalendarDay> days(CalendarView c, LocalDate first, LocalDate last, YearMonth month,
                                   boolean withSlots) {
        ZoneId zone = ZoneId.of(c.timeZone());
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<CalendarEntry> entries = CalendarEntry.list("calendar.id = ?1 and isPublic = true and state = ?2"
                + " and startsAt < ?4 and endsAt > ?3 order by startsAt", c.id(), EntryState.CONFIRMED, from, to);
        List<SlotOccurrence> openings = withSlots ? slots.occurrences(c.id(), zone, first, last) : List.of();
        LocalDate today = today(c);
        String base = "/calendars/" + c.id();
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<CalendarDay.Item> items = new ArrayList<>();
            for (CalendarEntry e : entries) {
                ZonedDateTime start = e.startsAt.atZone(zone);
                if (!start.toLocalDate().isAfter(d) && e.endsAt.atZone(zone).toLocalDate().compareTo(d) >= 0) {
                    items.add(new CalendarDay.Item("entry", e.id, null, e.title, HOURS.format(start),
                            "/entries/" + e.id, false, null));
                }
            }
            for (SlotOccurrence o : openings) {
                if (o.start().toLocalDate().equals(d)) {
                    items.add(new CalendarDay.Item("slot", null, o.slotId(), o.label() == null ? "Open for booking" : o.label(),
                            HOURS.format(o.start()) + "–" + HOURS.format(o.end()), null, o.changed(), o.price()));
                }
            }
            days.add(new CalendarDay(d.toString(), d.getDayOfMonth(), LABEL.format(d),
                    month == null || YearMonth.from(d).equals(month), d.equals(today), base + "/day/" + d, items));
        }
        return days;
    }
}
