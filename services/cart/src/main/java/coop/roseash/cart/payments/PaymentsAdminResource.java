package coop.roseash.cart.payments;

import coop.roseash.cart.orders.OrderQueries;
import coop.roseash.cart.web.CartGate;
import coop.roseash.cart.web.Kwargs;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The payments admin: orders of every page or of one, their statuses, and re-checking one against SumUp. */
@AdminOnly
@Path("/admin/payments")
public class PaymentsAdminResource {

    private final CartGate gate;
    private final OrderQueries orders;
    private final PaymentReconciler reconciler;

    PaymentsAdminResource(CartGate gate, OrderQueries orders, PaymentReconciler reconciler) {
        this.gate = gate;
        this.orders = orders;
        this.reconciler = reconciler;
    }

    @GET
    public SxView list(@QueryParam("container_type") String containerType, @QueryParam("container_id") Long containerId,
                       @QueryParam("checked") String checked) {
        gate.requireAdmin();
        boolean onePage = containerType != null && containerType.matches("[a-z_]{1,32}") && containerId != null;
        return SxView.page("~cart/admin/payments", Kwargs.of(
                "orders", orders.forAdmin(onePage ? containerType : null, onePage ? containerId : null, 200),
                "page", onePage ? containerType + " " + containerId : null,
                "checked", checked == null ? null : "Checked against SumUp: " + outcome(checked))).title("Payments");
    }

    @GET
    @Path("{id}")
    public SxView order(@PathParam("id") long id, @QueryParam("checked") String checked) {
        gate.requireAdmin();
        return SxView.page("~cart/admin/payment", Kwargs.of(
                "detail", orders.detail(id).orElseThrow(NotFoundException::new),
                "checked", checked == null ? null : "Checked against SumUp: " + outcome(checked))).title("Order " + id);
    }

    @POST
    @Path("{id}/recheck")
    public Response recheck(@PathParam("id") long id) {
        gate.requireAdmin();
        orders.detail(id).orElseThrow(NotFoundException::new);
        PaymentReconciler.Outcome outcome = reconciler.reconcile(id);
        return Response.seeOther(URI.create("/admin/payments/" + id + "?checked=" + outcome.name())).build();
    }

    // only our own outcome names are shown; anything else in the address is not echoed
    private static String outcome(String checked) {
        for (PaymentReconciler.Outcome o : PaymentReconciler.Outcome.values()) {
            if (o.name().equals(checked)) {
                return o.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "done";
    }
}
