package coop.roseash.events.tickets;

import coop.roseash.shared.model.events.Ticket;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A member's ticket; {@code code} is only filled once the ticket is issued (paid). */
public record TicketView(long id, long entryId, String entryTitle, String when, String typeName, String state,
                         String code, String checkedInAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    public static TicketView of(Ticket t) {
        var entry = t.ticketType.entry;
        ZoneId zone = ZoneId.of(entry.calendar.timeZone);
        String state = t.state.name().toLowerCase(Locale.ROOT);
        return new TicketView(t.id, entry.id, entry.title, WHEN.format(entry.startsAt.atZone(zone)), t.ticketType.name,
                state, "issued".equals(state) ? t.code : null,
                t.checkedInAt == null ? null : WHEN.format(t.checkedInAt.atZone(zone)));
    }
}
