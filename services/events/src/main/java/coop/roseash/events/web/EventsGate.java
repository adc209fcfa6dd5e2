package coop.roseash.events.web;

import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Who may do what in events: admins run calendars and the door; members see their own tickets and bookings. */
@ApplicationScoped
public class EventsGate {

    private final VisitorSource visitors;

    EventsGate(VisitorSource visitors) {
        this.visitors = visitors;
    }

    /** The signed-in admin, or the request ends here (sign in, or 403). */
    public Visitor requireAdmin() {
        Visitor v = requireMember();
        if (!v.admin()) {
            throw new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
        }
        return v;
    }

    /** The signed-in member, or a redirect to sign in. */
    public Visitor requireMember() {
        Visitor v = visitors.current();
        if (v == null || !v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(URI.create("/auth/login")).build());
        }
        return v;
    }

    /** Whoever is asking (anonymous included). */
    public Visitor current() {
        Visitor v = visitors.current();
        return v == null ? Visitor.ANONYMOUS : v;
    }
}
