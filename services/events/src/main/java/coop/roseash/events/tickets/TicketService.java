package coop.roseash.events.tickets;

import coop.roseash.shared.model.events.Ticket;
import coop.roseash.shared.model.events.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** A member's own tickets; another member's ticket is never found. */
@ApplicationScoped
public class TicketService {

    @Transactional
    public List<TicketView> of(long userId) {
        return Ticket.<Ticket>list("userId = ?1 and state != ?2 order by ticketType.entry.startsAt desc, id",
                userId, TicketState.CANCELLED).stream().map(TicketView::of).toList();
    }

    /** The ticket if it is {@code userId}'s and issued. */
    @Transactional
    public Optional<TicketView> own(long ticketId, long userId) {
        return Ticket.<Ticket>find("id = ?1 and userId = ?2 and state = ?3", ticketId, userId, TicketState.ISSUED)
                .firstResultOptional().map(TicketView::of);
    }
}
