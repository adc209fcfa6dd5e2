package coop.roseash.events.tickets;

import coop.roseash.events.entries.EntryAdminPage;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admin: an entry's ticket types (add one, change a capacity). */
@AdminOnly
@Path("/admin")
public class TicketTypeAdminResource {

    private final EventsGate gate;
    private final TicketTypeService types;
    private final EntryAdminPage entryPage;

    TicketTypeAdminResource(EventsGate gate, TicketTypeService types, EntryAdminPage entryPage) {
        this.gate = gate;
        this.types = types;
        this.entryPage = entryPage;
    }

    @POST
    @Path("entries/{id}/ticket-types")
    public Response add(@Context HttpHeaders headers, @PathParam("id") long entryId, @RestForm String name,
                        @RestForm String price, @RestForm String capacity) {
        gate.requireAdmin();
        try {
            types.add(entryId, name, price, capacity);
            return SxRedirect.to(headers, Notices.after("/admin/entries/" + entryId, "saved"));
        } catch (InvalidInput e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(entryPage.render(entryId, null, e.getMessage(), e.status()))
                    .build();
        }
    }

    @POST
    @Path("ticket-types/{id}/capacity")
    public Response capacity(@Context HttpHeaders headers, @PathParam("id") long typeId, @RestForm String capacity) {
        gate.requireAdmin();
        long entryId = types.entryOf(typeId);
        try {
            types.changeCapacity(typeId, capacity);
            return SxRedirect.to(headers, Notices.after("/admin/entries/" + entryId, "saved"));
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(entryPage.render(entryId, null, e.getMessage(), e.status()))
                    .build();
        }
    }
}
