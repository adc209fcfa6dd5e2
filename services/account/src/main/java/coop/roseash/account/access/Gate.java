package coop.roseash.account.access;

import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Who may use a members' or an admin's page of account: visitors who are not signed in are sent to sign in
 * (and back), members who are not admins get 403 on admin pages.
 */
@ApplicationScoped
public class Gate {

    private final VisitorSource visitors;

    Gate(VisitorSource visitors) {
        this.visitors = visitors;
    }

    /** The visitor, signed in or not. */
    public Visitor visitor() {
        Visitor v = visitors.current();
        return v == null ? Visitor.ANONYMOUS : v;
    }

    /** The signed-in member, or the request ends with a redirect to sign in. */
    public Visitor requireMember(String returnTo) {
        Visitor v = visitor();
        if (!v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(URI.create("/auth/login?return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8))).build());
        }
        return v;
    }

    /** The signed-in admin, or the request ends here. */
    public Visitor requireAdmin(String returnTo) {
        Visitor v = requireMember(returnTo);
        if (!v.admin()) {
            throw new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
        }
        return v;
    }
}
