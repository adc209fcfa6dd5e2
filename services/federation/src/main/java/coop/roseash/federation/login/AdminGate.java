package coop.roseash.federation.login;

import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Who may use federation's admin pages: the platform's admins ({@code roseash.admins}). Visitors who are not signed
 * in are sent to sign in and brought back; members get 403.
 */
@ApplicationScoped
public class AdminGate {

    private final VisitorSource visitors;

    AdminGate(VisitorSource visitors) {
        this.visitors = visitors;
    }

    /** The signed-in admin, or the request ends here; {@code returnTo} is where sign-in leads back (a local path). */
    public Visitor requireAdmin(String returnTo) {
        Visitor v = visitors.current();
        if (v == null || !v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(URI.create("/auth/login?continue=" + returnTo)).build());
        }
        if (!v.admin()) {
            throw new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
        }
        return v;
    }
}
