package coop.roseash.account.newsletters;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.access.Gate;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.Map;

/**
 * The newsletters page: members subscribe and unsubscribe with a button; visitors give an address and confirm by
 * the link mailed to it (double opt-in).
 */
@Path("/newsletters")
public class NewsletterResource {

    private static final Map<String, String> NOTICES = Map.of(
            "subscribed", "Subscribed: the next issue comes to your inbox.",
            "unsubscribed", "Unsubscribed: no more issues of it.",
            "requested", "Nearly done: we emailed you a link. Open it to confirm the subscription.");

    private final Newsletters newsletters;
    private final OptIns optIns;
    private final Gate gate;

    NewsletterResource(Newsletters newsletters, OptIns optIns, Gate gate) {
        this.newsletters = newsletters;
        this.optIns = optIns;
        this.gate = gate;
    }

    @GET
    @PublicRoute
    public SxView list(@QueryParam("done") String done) {
        return page(NOTICES.get(done == null ? "" : done), null, null, 200);
    }

    /** A member subscribes at once; a visitor's address gets a confirmation link first. */
    @POST
    @Path("{id}/subscribe")
    @PublicRoute
    public Response subscribe(@Context HttpHeaders headers, @PathParam("id") long id, @RestForm String email) {
        Visitor v = gate.visitor();
        try {
            if (v.signedIn()) {
                newsletters.subscribeMember(id, v.userId(), v.email());
                return SxRedirect.to(headers, "/newsletters?done=subscribed");
            }
            optIns.request(id, email);
            return SxRedirect.to(headers, "/newsletters?done=requested");
        } catch (InvalidInput e) {
            SxView view = page(null, e.getMessage(), email, e.status());
            return Response.status(e.status()).entity(view).build();
        }
    }

    @POST
    @Path("{id}/unsubscribe")
    @MembersOnly
    public Response unsubscribe(@Context HttpHeaders headers, @PathParam("id") long id) {
        Visitor v = gate.requireMember("/newsletters");
        newsletters.unsubscribeMember(id, v.userId());
        return SxRedirect.to(headers, "/newsletters?done=unsubscribed");
    }

    /** The link of the confirmation email: a button, so a mail scanner opening the link subscribes nobody. */
    @GET
    @Path("confirm/{token}")
    @PublicRoute
    public SxView confirmPage(@PathParam("token") String token) {
        return optIns.pending(token)
                .map(name -> confirmView("ask", name, token, 200))
                .orElseGet(() -> confirmView("invalid", null, token, 404));
    }

    @POST
    @Path("confirm/{token}")
    @PublicRoute
    public SxView confirm(@PathParam("token") String token) {
        return optIns.confirm(token)
                .map(name -> confirmView("done", name, token, 200))
                .orElseGet(() -> confirmView("invalid", null, token, 404));
    }

    private SxView page(String notice, String error, String email, int status) {
        Visitor v = gate.visitor();
        Map<String, Object> args = new HashMap<>();
        args.put("newsletters", newsletters.active(v.signedIn() ? v.userId() : null));
        args.put("member", v.signedIn());
        if (notice != null) {
            args.put("notice", notice);
        }
        if (error != null) {
            args.put("error", error);
        }
        if (email != null) {
            args.put("email", email);
        }
        return SxView.page("~account/newsletters/list", args).title("Newsletters").status(status);
    }

    private static SxView confirmView(String state, String name, String token, int status) {
        Map<String, Object> args = new HashMap<>();
        args.put("state", state);
        args.put("action", "/newsletters/confirm/" + token);
        if (name != null) {
            args.put("newsletter", name);
        }
        return SxView.page("~account/newsletters/confirm", args).title("Confirm your subscription").status(status);
    }
}
