package coop.roseash.events.entries;

import coop.roseash.events.ical.FeedService;
import coop.roseash.events.web.Args;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A member's bookings and the private address of their iCalendar feed, which they can replace. */
@MembersOnly
@Path("/bookings")
public class MyBookingsResource {

    private final EventsGate gate;
    private final EntryService entries;
    private final FeedService feeds;

    MyBookingsResource(EventsGate gate, EntryService entries, FeedService feeds) {
        this.gate = gate;
        this.entries = entries;
        this.feeds = feeds;
    }

    @GET
    public SxView list(@QueryParam("done") String done) {
        Visitor member = gate.requireMember();
        return SxView.page("~events/bookings", Args.of().with("bookings", entries.bookingsOf(member.userId()))
                .with("feed-url", feeds.tokenOf(member.userId()).map(feeds::bookingsFeedUrl).orElse(null))
                .with("notice", Notices.of(done)).map()).title("Your bookings");
    }

    @POST
    @Path("feed/reset")
    public Response reset(@Context HttpHeaders headers) {
        Visitor member = gate.requireMember();
        feeds.reset(member.userId());
        return SxRedirect.to(headers, Notices.after("/bookings", "reset"));
    }
}
