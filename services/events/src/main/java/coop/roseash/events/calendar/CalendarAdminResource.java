package coop.roseash.events.calendar;

import coop.roseash.events.web.Args;
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

/** Admin: the calendars of all pages, a new calendar, and one calendar with its slots and entries. */
@AdminOnly
@Path("/admin")
public class CalendarAdminResource {

    private final EventsGate gate;
    private final CalendarService calendars;
    private final CalendarAdminPage page;

    CalendarAdminResource(EventsGate gate, CalendarService calendars, CalendarAdminPage page) {
        this.gate = gate;
        this.calendars = calendars;
        this.page = page;
    }

    @GET
    public SxView list(@QueryParam("done") String done) {
        gate.requireAdmin();
        return listPage(Notices.of(done), null, 200);
    }

    @POST
    @Path("calendars")
    public Response create(@Context HttpHeaders headers, @RestForm("page_id") String pageId, @RestForm String name,
                           @RestForm String slug, @RestForm String description, @RestForm("time_zone") String timeZone) {
        gate.requireAdmin();
        try {
            long page;
            try {
                page = Long.parseLong(pageId == null ? "" : pageId.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("Page id must be the number of a blog page.");
            }
            CalendarView c = calendars.create(page, name, slug, description, timeZone);
            return SxRedirect.to(headers, Notices.after("/admin/calendars/" + c.id(), "created"));
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(listPage(null, e.getMessage(), e.status())).build();
        }
    }

    @GET
    @Path("calendars/{id}")
    public SxView calendar(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireAdmin();
        return page.render(id, Notices.of(done), null, 200);
    }

    private SxView listPage(String notice, String error, int status) {
        return SxView.page("~events/admin/calendars", Args.of().with("calendars", calendars.all())
                .with("notice", notice).with("error", error).map()).title("Calendars").status(status);
    }
}
