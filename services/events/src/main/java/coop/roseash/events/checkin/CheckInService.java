package coop.roseash.events.checkin;

import coop.roseash.shared.model.events.Ticket;
import coop.roseash.shared.model.events.TicketState;
import coop.roseash.shared.services.events.TicketCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Checks a ticket in at an entry's door. One conditional UPDATE admits it, so of two doors typing the same code at
 * once only one admits; everything else is refused with the reason (already in and when, another event, not paid,
 * no such code).
 */
@ApplicationScoped
public class CheckInService {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm:ss 'on' EEEE d MMMM yyyy", Locale.UK);

    private final EntityManager em;

    CheckInService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public CheckInResult checkIn(long entryId, String typed) {
        String code = TicketCodes.normalise(typed);
        if (code == null) {
            return new CheckInResult(false, "That is not a ticket code: a code has " + TicketCodes.LENGTH
                    + " letters and digits.", 422, null);
        }
        int admitted = em.createNativeQuery("UPDATE tickets SET checked_in_at = now(), updated_at = now()"
                        + " WHERE code = ?1 AND state = 'issued' AND checked_in_at IS NULL"
                        + " AND ticket_type_id IN (SELECT id FROM ticket_types WHERE entry_id = ?2)")
                .setParameter(1, code).setParameter(2, entryId).executeUpdate();
        Ticket t = Ticket.find("code", code).firstResult();
        if (t == null) {
            return new CheckInResult(false, "No ticket has this code.", 404, null);
        }
        em.refresh(t);
        String holder = t.ticketType.name + " ticket " + t.id;
        if (admitted == 1) {
            return new CheckInResult(true, "Welcome: " + holder + " is checked in.", 200, holder);
        }
        if (!t.ticketType.entry.id.equals(entryId)) {
            return new CheckInResult(false, "This ticket is for another event: “" + t.ticketType.entry.title + "”.",
                    409, holder);
        }
        if (t.state != TicketState.ISSUED) {
            return new CheckInResult(false, "This ticket is not valid: it was " + (t.state == TicketState.RESERVED
                    ? "never paid for." : "cancelled."), 409, holder);
        }
        ZoneId zone = ZoneId.of(t.ticketType.entry.calendar.timeZone);
        return new CheckInResult(false, "Already checked in at " + AT.format(t.checkedInAt.atZone(zone))
                + "; a ticket admits once.", 409, holder);
    }
}
