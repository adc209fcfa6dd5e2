package coop.roseash.federation.deliveries;

import coop.roseash.federation.login.AdminGate;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/deliveries}: the fediverse servers our deliveries keep failing at (platform admins only). Retries
 * happen on their own with backoff; after the last attempt a delivery is given up, and this page is where an admin
 * sees it and, once the other server is back, sends it again.
 */
@AdminOnly
@Path("/admin/deliveries")
public class DeliveriesAdminResource {

    private static final String PAGE = "/admin/deliveries";

    private final AdminGate gate;
    private final DeliveryTroubles troubles;

    DeliveriesAdminResource(AdminGate gate, DeliveryTroubles troubles) {
        this.gate = gate;
        this.troubles = troubles;
    }

    @GET
    public Response page(@QueryParam("retried") Integer retried, @QueryParam("inbox") String inbox) {
        gate.requireAdmin(PAGE);
        Map<String, Object> args = new HashMap<>();
        args.put("rows", troubles.byInbox());
        args.put("limit", DeliveryTroubles.LIMIT);
        if (retried != null && inbox != null) {
            args.put("notice", retried == 1 ? "1 delivery to " + inbox + " is queued again."
                    : retried + " deliveries to " + inbox + " are queued again.");
        }
        return Response.ok(SxView.page("~federation/deliveries/page", args).title("Fediverse deliveries"))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@FormParam("inbox") String inbox) {
        gate.requireAdmin(PAGE);
        if (inbox == null || inbox.isBlank()) {
            return Response.status(400).entity(SxView.page("~shared/error", Map.of("status", 400,
                    "heading", "Bad request", "message", "Choose the server whose deliveries to send again.")).status(400)).build();
        }
        int n = troubles.retry(inbox);
        return Response.seeOther(URI.create(PAGE + "?retried=" + n + "&inbox="
                + java.net.URLEncoder.encode(inbox, java.nio.charset.StandardCharsets.UTF_8))).build();
    }
}
