package coop.roseash.cart.orders;

import coop.roseash.cart.payments.PaymentReconciler;
import coop.roseash.cart.web.CartGate;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/**
 * A member's orders and one order; someone else's order is a 404, as a missing one. The return page SumUp sends the
 * payer back to is only a hint: it asks SumUp about the order, then shows it.
 */
@MembersOnly
@Path("/orders")
public class OrdersResource {

    private final CartGate gate;
    private final OrderQueries orders;
    private final PaymentReconciler reconciler;

    OrdersResource(CartGate gate, OrderQueries orders, PaymentReconciler reconciler) {
        this.gate = gate;
        this.orders = orders;
        this.reconciler = reconciler;
    }

    @GET
    public SxView list() {
        Visitor member = gate.requireMember("/orders");
        return SxView.page("~cart/orders", Map.of("orders", orders.forMember(member.userId(), 100))).title("Your orders");
    }

    @GET
    @Path("{id}")
    public SxView detail(@PathParam("id") String id) {
        Visitor member = gate.requireMember("/orders");
        OrderDetail order = orders.detailForMember(member.userId(), orderId(id)).orElseThrow(NotFoundException::new);
        return SxView.page("~cart/order", Map.of("detail", order)).title("Order " + order.order().id());
    }

    /** Where SumUp's payment page sends the payer back. */
    @GET
    @Path("{id}/return")
    public Response returned(@PathParam("id") String id) {
        Visitor member = gate.requireMember("/orders");
        long orderId = orderId(id);
        if (!orders.isMembers(member.userId(), orderId)) {
            throw new NotFoundException();
        }
        reconciler.reconcile(orderId);
        return Response.seeOther(URI.create("/orders/" + orderId)).build();
    }

    private static long orderId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }
}
