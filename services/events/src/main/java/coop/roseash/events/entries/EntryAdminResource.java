package coop.roseash.events.entries;

import coop.roseash.events.calendar.CalendarAdminPage;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admin: put an entry on a calendar, look at one, move it between states, make it public or not. */
@AdminOnly
@Path("/admin")
public class EntryAdminResource {

    private final EventsGate gate;
    private final EntryService entries;
    private final CalendarAdminPage calendarPage;
    private final EntryAdminPage entryPage;

    EntryAdminResource(EventsGate gate, EntryService entries, CalendarAdminPage calendarPage,
                       EntryAdminPage entryPage) {
        this.gate = gate;
        this.entries = entries;
        this.calendarPage = calendarPage;
        this.entryPage = entryPage;
    }

    @POST
    @Path("calendars/{id}/entries")
    public Response create(@Context HttpHeaders headers, @PathParam("id") long calendarId, @RestForm String title,
                           @RestForm String description, @RestForm String date, @RestForm("start_time") String start,
                           @RestForm("end_time") String end, @RestForm("public") String isPublic) {
        gate.requireAdmin();
        try {
            EntryView e = entries.createEvent(calendarId, title, description, date, start, end, isPublic != null);
            return SxRedirect.to(headers, Notices.after("/admin/entries/" + e.id(), "created"));
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(calendarPage.render(calendarId, null, e.getMessage(),
                    e.status())).build();
        }
    }

    @GET
    @Path("entries/{id}")
    public SxView entry(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireAdmin();
        return entryPage.render(id, Notices.of(done), null, 200);
    }

    @POST
    @Path("entries/{id}/state")
    public Response transition(@Context HttpHeaders headers, @PathParam("id") long id, @RestForm String state) {
        gate.requireAdmin();
        try {
            entries.transition(id, state);
            return SxRedirect.to(headers, Notices.after("/admin/entries/" + id, "state"));
        } catch (InvalidInput e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(entryPage.render(id, null, e.getMessage(), e.status())).build();
        }
    }

    @POST
    @Path("entries/{id}/public")
    public Response visibility(@Context HttpHeaders headers, @PathParam("id") long id,
                               @RestForm("public") String isPublic) {
        gate.requireAdmin();
        entries.setPublic(id, "true".equals(isPublic));
        return SxRedirect.to(headers, Notices.after("/admin/entries/" + id, "saved"));
    }
}
