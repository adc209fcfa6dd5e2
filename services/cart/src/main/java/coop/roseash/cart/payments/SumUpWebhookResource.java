package coop.roseash.cart.payments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SumUp's webhook ({@code return_url} of each checkout): {@code {"event_type":"CHECKOUT_STATUS_CHANGED","id":...}}.
 * It carries no signature, so it is only a hint: the order is looked up by the checkout id and reconciled by asking
 * SumUp ourselves. An unknown id changes nothing and costs no call to SumUp. The answer is always 204 for a
 * well-formed body, so a sender learns nothing about which ids exist.
 */
@PublicRoute
@CsrfExempt
@Path("/sumup/webhook")
public class SumUpWebhookResource {

    private final PaymentReconciler reconciler;

    SumUpWebhookResource(PaymentReconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** The body as SumUp sends it; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hint(@JsonProperty("event_type") String eventType, @JsonProperty("id") String id) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response hint(Hint hint) {
        if (hint == null || hint.id() == null || hint.id().isBlank() || hint.id().length() > 100) {
            return Response.status(400).build();
        }
        reconciler.reconcileCheckout(hint.id());
        return Response.noContent().build();
    }
}
