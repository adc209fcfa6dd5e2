package coop.roseash.market.admin;

import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Who may use the market's admin: admins (configured by email, {@code roseash.admins}). Others are sent to sign in, or get 403. */
@ApplicationScoped
public class MarketAdminGate {

    private final VisitorSource visitors;

    MarketAdminGate(VisitorSource visitors) {
        this.visitors = visitors;
    }

    /** The signed-in admin, or the request ends here. */
    public Visitor requireAdmin() {
        Visitor v = visitors.current();
        if (v == null || !v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(URI.create("/auth/login?return_to=%2Fadmin")).build());
        }
        if (!v.admin()) {
            throw new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
        }
        return v;
    }
}
