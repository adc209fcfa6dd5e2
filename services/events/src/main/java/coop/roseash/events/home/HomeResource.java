package coop.roseash.events.home;

import coop.roseash.events.calendar.CalendarService;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;

/** The events service's home: what it is for, and its calendars. */
@PublicRoute
@Path("/")
public class HomeResource {

    private final CalendarService calendars;

    HomeResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    public SxView home() {
        return SxView.page("~events/home", Map.of("calendars", calendars.all())).title("Events");
    }
}
