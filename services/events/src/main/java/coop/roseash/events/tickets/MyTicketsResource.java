package coop.roseash.events.tickets;

import coop.roseash.events.web.Args;
import coop.roseash.events.web.EventsGate;
import coop.roseash.shared.services.events.TicketQr;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A member's tickets and one ticket with its QR code; someone else's ticket is a 404. */
@MembersOnly
@Path("/tickets")
public class MyTicketsResource {

    private final EventsGate gate;
    private final TicketService tickets;

    MyTicketsResource(EventsGate gate, TicketService tickets) {
        this.gate = gate;
        this.tickets = tickets;
    }

    @GET
    public SxView list() {
        Visitor member = gate.requireMember();
        return SxView.page("~events/tickets", Args.of().with("tickets", tickets.of(member.userId())).map())
                .title("Your tickets");
    }

    @GET
    @Path("{id}")
    public SxView ticket(@PathParam("id") long id) {
        Visitor member = gate.requireMember();
        TicketView t = tickets.own(id, member.userId()).orElseThrow(NotFoundException::new);
        return SxView.page("~events/ticket", Args.of().with("ticket", t)
                .with("qr", TicketQr.svg(t.code(), "QR code of ticket " + t.code())).map())
                .title("Ticket: " + t.entryTitle());
    }
}
