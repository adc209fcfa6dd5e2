package coop.roseash.events.ical;

import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * The subscribable feeds. A calendar's is public; a member's bookings feed is public too, but only at the secret
 * address only that member knows (calendar apps cannot sign in), and 404 for any other token.
 */
@PublicRoute
@Path("/feeds")
public class FeedResource {

    static final String CALENDAR = "text/calendar; charset=utf-8";

    private final FeedService feeds;

    FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("calendars/{id}.ics")
    @Produces(CALENDAR)
    public String calendar(@PathParam("id") long id) {
        return feeds.calendarFeed(id).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("bookings/{token}.ics")
    @Produces(CALENDAR)
    public String bookings(@PathParam("token") String token) {
        return feeds.bookingsFeed(token).orElseThrow(NotFoundException::new);
    }
}
