package coop.roseash.cart.lines;

import coop.roseash.cart.web.CartGate;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The cart: every page's cart of the visitor (a member, or an anonymous device), with forms to change a line's
 * quantity or remove it. Engine requests get the cart's area and {@code cart-mini} back; plain posts a redirect to
 * the cart (post, redirect, get). A refused change shows the cart as it still is, with the reason.
 */
@PublicRoute
@Path("/")
public class CartResource {

    private final CartGate gate;
    private final CartLines lines;
    private final CartPage page;

    CartResource(CartGate gate, CartLines lines, CartPage page) {
        this.gate = gate;
        this.lines = lines;
        this.page = page;
    }

    @GET
    public SxView cart(@Context HttpHeaders headers) {
        return page.show(headers, null, null, 200);
    }

    @POST
    @Path("lines/{id}/quantity")
    public Response changeQuantity(@PathParam("id") String id, @RestForm String quantity, @Context HttpHeaders headers) {
        try {
            lines.changeQuantity(gate.identity(), lineId(id), parseQuantity(quantity));
            return done(headers, "Quantity updated.");
        } catch (CartRefusal e) {
            return refused(headers, e);
        }
    }

    @POST
    @Path("lines/{id}/remove")
    public Response remove(@PathParam("id") String id, @Context HttpHeaders headers) {
        try {
            lines.remove(gate.identity(), lineId(id));
            return done(headers, "Removed from your cart.");
        } catch (CartRefusal e) {
            return refused(headers, e);
        }
    }

    private Response done(HttpHeaders headers, String notice) {
        if (CartPage.engine(headers)) {
            return Response.ok(page.show(headers, null, notice, 200)).build();
        }
        return SxRedirect.to(headers, "/");
    }

    private Response refused(HttpHeaders headers, CartRefusal e) {
        // the engine swaps 422 (a form with its errors); a plain form gets the refusal's own status
        int status = CartPage.engine(headers) ? 422 : e.status();
        return Response.status(status).entity(page.show(headers, e.getMessage(), null, status)).build();
    }

    private static long lineId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new CartRefusal(Reason.NOT_FOUND, "That line is not in your cart.");
        }
    }

    private static int parseQuantity(String quantity) {
        try {
            return Integer.parseInt(quantity == null ? "" : quantity.strip());
        } catch (NumberFormatException e) {
            throw new CartRefusal(Reason.INVALID_QUANTITY, "Choose a quantity from 1 to " + coop.roseash.shared.contracts.cart.Carts.MAX_LINE_QUANTITY + ", in digits.");
        }
    }
}
