package coop.roseash.cart.web;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Who may use what in the cart: anyone with a device id has a cart; orders and checkout are for signed-in members;
 * the payments admin for admins. Visitors who are not signed in are sent to sign in; members get 403 on admin pages.
 */
@ApplicationScoped
public class CartGate {

    private final VisitorSource visitors;

    CartGate(VisitorSource visitors) {
        this.visitors = visitors;
    }

    /** Whose cart: the member when signed in, else the anonymous device, else {@link Identity#NONE}. */
    public Identity identity() {
        Visitor v = visitors.current();
        if (v == null) {
            return Identity.NONE;
        }
        if (v.userId() != null) {
            return Identity.member(v.userId());
        }
        return v.deviceId() == null || v.deviceId().isBlank() ? Identity.NONE : Identity.device(v.deviceId());
    }

    /** The signed-in member, or the request ends here with a trip to sign in that comes back to {@code returnTo}. */
    public Visitor requireMember(String returnTo) {
        Visitor v = visitors.current();
        if (v == null || !v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(
                    URI.create("/auth/login?return_to=" + java.net.URLEncoder.encode(returnTo,
                            java.nio.charset.StandardCharsets.UTF_8))).build());
        }
        return v;
    }

    /** The signed-in admin, or the request ends here. */
    public Visitor requireAdmin() {
        Visitor v = requireMember("/admin/payments");
        if (!v.admin()) {
            throw new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
        }
        return v;
    }
}
