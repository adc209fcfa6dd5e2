package coop.roseash.market.catalogueimport;

import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Lets admins ({@code roseash.admins}) into the import page; sends visitors to sign in, and members away (403). */
@ApplicationScoped
public class ImportAdminGate {

    private final VisitorSource visitors;

    ImportAdminGate(VisitorSource visitors) {
        this.visitors = visitors;
    }

    public Visitor requireAdmin() {
        Visitor v = visitors.current();
        if (v == null || !v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(URI.create("/auth/login?return_to=/admin/import")).build());
        }
        if (!v.admin()) {
            throw new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
        }
        return v;
    }
}
