package coop.roseash.events.entries;

import coop.roseash.events.web.EventsGate;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** A member books a slot on a day (from the day or week view); the booking is pending until an admin moves it. */
@MembersOnly
@Path("/slots/{id}/book")
public class BookingResource {

    private final EventsGate gate;
    private final EntryService entries;

    BookingResource(EventsGate gate, EntryService entries) {
        this.gate = gate;
        this.entries = entries;
    }

    @POST
    public Response book(@Context HttpHeaders headers, @PathParam("id") long slotId, @RestForm String date) {
        Visitor member = gate.requireMember();
        EntryView booking = entries.book(slotId, date, member.userId(), null);
        return SxRedirect.to(headers, "/entries/" + booking.id());
    }
}
