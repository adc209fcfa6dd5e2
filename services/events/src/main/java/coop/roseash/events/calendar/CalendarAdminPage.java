package coop.roseash.events.calendar;

import coop.roseash.events.entries.EntryService;
import coop.roseash.events.slots.SlotService;
import coop.roseash.events.web.Args;
import coop.roseash.shared.web.SxView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One calendar's admin page (slots, exceptions, entries, the forms), also shown again with a form's error. */
@ApplicationScoped
public class CalendarAdminPage {

    private final CalendarService calendars;
    private final SlotService slots;
    private final EntryService entries;

    CalendarAdminPage(CalendarService calendars, SlotService slots, EntryService entries) {
        this.calendars = calendars;
        this.slots = slots;
        this.entries = entries;
    }

    public SxView render(long id, String notice, String error, int status) {
        CalendarView c = calendars.require(id);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return SxView.page("~events/admin/calendar", Args.of().with("calendar", c)
                .with("slots", slots.forCalendar(id))
                .with("entries", entries.between(id, today.minus(31, ChronoUnit.DAYS), today.plus(5 * 366, ChronoUnit.DAYS)))
                .with("notice", notice).with("error", error).map()).title(c.name()).status(status);
    }
}
