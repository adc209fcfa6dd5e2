package coop.roseash.cart.checkout;

import coop.roseash.cart.lines.CartPage;
import coop.roseash.cart.web.CartGate;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/**
 * Checks out one page's cart: a plain form post (the answer leaves the site for SumUp's payment page). Members only:
 * an anonymous visitor signs in first, and the device's cart becomes theirs on the way.
 */
@MembersOnly
@Path("/checkout")
public class CheckoutResource {

    private final CartGate gate;
    private final CheckoutService checkout;
    private final CartPage page;

    CheckoutResource(CartGate gate, CheckoutService checkout, CartPage page) {
        this.gate = gate;
        this.checkout = checkout;
        this.page = page;
    }

    @POST
    public Response checkout(@RestForm("container_type") String containerType,
                             @RestForm("container_id") String containerId, @Context HttpHeaders headers) {
        Visitor member = gate.requireMember("/");
        long id;
        try {
            id = Long.parseLong(containerId == null ? "" : containerId.strip());
        } catch (NumberFormatException e) {
            return Response.status(400).entity(page.show(headers, "Choose a cart to check out.", null, 400)).build();
        }
        if (containerType == null || !containerType.matches("[a-z_]{1,32}")) {
            return Response.status(400).entity(page.show(headers, "Choose a cart to check out.", null, 400)).build();
        }
        try {
            String payAt = checkout.checkout(Identity.member(member.userId()), member.email(), containerType, id);
            return Response.seeOther(URI.create(payAt)).build();
        } catch (CartRefusal e) {
            return Response.status(e.status()).entity(page.show(headers, e.getMessage(), null, e.status())).build();
        } catch (CheckoutUnavailable e) {
            return Response.status(e.status()).entity(page.show(headers, e.getMessage(), null, e.status())).build();
        }
    }
}
