package coop.roseash.federation.deliveries;

import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Member;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /admin/deliveries}: the fediverse servers our deliveries keep failing at (platform admins only). Retries
 * happen on their own with backoff; after the last attempt a delivery is given up, and this page is where an admin
 * sees it and, once the other server is back, sends it again.
 */
@Path("/admin/deliveries")
public class DeliveriesAdminResource {

    private static final String PAGE = "/admin/deliveries";

    private final FederationSessions sessions;
    private final Members members;
    private final DeliveryTroubles troubles;

    DeliveriesAdminResource(FederationSessions sessions, Members members, DeliveryTroubles troubles) {
        this.sessions = sessions;
        this.members = members;
        this.troubles = troubles;
    }

    @GET
    public Response page(@QueryParam("retried") Integer retried, @QueryParam("inbox") String inbox,
                         @Context HttpHeaders headers) {
        return asAdmin(headers, () -> {
            Map<String, Object> args = new HashMap<>();
            args.put("rows", troubles.byInbox());
            args.put("limit", DeliveryTroubles.LIMIT);
            if (retried != null && inbox != null) {
                args.put("notice", retried == 1 ? "1 delivery to " + inbox + " is queued again."
                        : retried + " deliveries to " + inbox + " are queued again.");
            }
            return Response.ok(SxView.page("~federation/deliveries/page", args).title("Fediverse deliveries"))
                    .header("Cache-Control", "no-store").build();
        });
    }

    @POST
    @Path("retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@FormParam("inbox") String inbox, @Context HttpHeaders headers) {
        return asAdmin(headers, () -> {
            if (inbox == null || inbox.isBlank()) {
                return Response.status(400).entity(SxView.page("~shared/error", Map.of("status", 400,
                        "heading", "Bad request", "message", "Choose the server whose deliveries to send again.")).status(400)).build();
            }
            int n = troubles.retry(inbox);
            return Response.seeOther(URI.create(PAGE + "?retried=" + n + "&inbox="
                    + java.net.URLEncoder.encode(inbox, java.nio.charset.StandardCharsets.UTF_8))).build();
        });
    }

    private Response asAdmin(HttpHeaders headers, Supplier<Response> action) {
        Optional<FederationSessions.Session> session = sessions.current(headers);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create("/auth/login?continue=" + PAGE)).build();
        }
        if (!members.find(session.get().memberId()).map(Member::admin).orElse(false)) {
            return Response.status(403).entity(SxView.page("~shared/error", Map.of("status", 403, "heading", "Not allowed",
                    "message", "Only the platform's admins see delivery trouble.")).status(403)).build();
        }
        return action.get();
    }
}
