package coop.roseash.shared.services.events;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.events.IssuedTicket;
import coop.roseash.shared.contracts.events.Tickets;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.Ticket;
import coop.roseash.shared.model.events.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@link Tickets} over the {@code tickets} table; links point at the events service's public ticket pages. */
@ApplicationScoped
public class IssuedTickets implements Tickets {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private final ServiceUrls urls;

    IssuedTickets(ServiceUrls urls) {
        this.urls = urls;
    }

    @Override
    @Transactional
    public List<IssuedTicket> issuedFor(long orderId) {
        String events = urls.publicUrl("events");
        return Ticket.<Ticket>list("orderId = ?1 and state = ?2 order by id", orderId, TicketState.ISSUED).stream()
                .map(t -> {
                    CalendarEntry entry = t.ticketType.entry;
                    String when = WHEN.format(entry.startsAt.atZone(ZoneId.of(entry.calendar.timeZone)));
                    return new IssuedTicket(t.id, t.code, entry.title, t.ticketType.name, when,
                            events + "/tickets/" + t.id);
                })
                .toList();
    }

    @Override
    public byte[] qrPng(String code) {
        return TicketQr.png(code);
    }
}
