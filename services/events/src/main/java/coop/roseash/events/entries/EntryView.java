package coop.roseash.events.entries;

import coop.roseash.shared.model.events.CalendarEntry;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** An entry as pages show it, its times in its calendar's zone. */
public record EntryView(long id, long calendarId, String calendarName, String title, String description,
                        String state, boolean isPublic, String date, String startTime, String endTime, String when,
                        String startsAt, String endsAt, Long slotId, Long userId, List<String> nextStates) {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public static EntryView of(CalendarEntry e) {
        ZoneId zone = ZoneId.of(e.calendar.timeZone);
        ZonedDateTime start = e.startsAt.atZone(zone);
        ZonedDateTime end = e.endsAt.atZone(zone);
        return new EntryView(e.id, e.calendar.id, e.calendar.name, e.title, e.description,
                EntryTransitions.name(e.state), e.isPublic, start.toLocalDate().toString(), HOURS.format(start),
                HOURS.format(end), WHEN.format(start) + "–" + HOURS.format(end), start.toOffsetDateTime().toString(),
                end.toOffsetDateTime().toString(), e.slot == null ? null : e.slot.id, e.userId,
                EntryTransitions.from(e.state).stream().map(EntryTransitions::name).toList());
    }
}
