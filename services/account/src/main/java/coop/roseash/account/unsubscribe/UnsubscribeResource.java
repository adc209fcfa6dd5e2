package coop.roseash.account.unsubscribe;

import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.Map;

/**
 * The unsubscribe link of every newsletter email, used without signing in: the token in the path is the
 * authority, and it names one subscription. A browser gets a page with a button (a GET changes nothing, so a mail
 * scanner following links unsubscribes nobody); a mail client's one-click POST (RFC 8058, body
 * {@code List-Unsubscribe=One-Click}, no cookies) unsubscribes directly, so that route takes no CSRF token.
 */
@PublicRoute
@Path("/unsubscribe/{token}")
public class UnsubscribeResource {

    private final Unsubscribes unsubscribes;

    UnsubscribeResource(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GET
    public SxView confirm(@PathParam("token") String token) {
        Unsubscribes.Lookup found = unsubscribes.look(token);
        return page(token, found, false);
    }

    @POST
    @CsrfExempt
    public Response unsubscribe(@PathParam("token") String token,
                                @RestForm("List-Unsubscribe") String oneClick) {
        Unsubscribes.Lookup result = unsubscribes.unsubscribe(token);
        if ("One-Click".equals(oneClick)) {
            // a mail client: a short plain answer is all it reads
            return switch (result.found()) {
                case INVALID -> Response.status(404).type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("This unsubscribe link is not valid.").build();
                default -> Response.ok("Unsubscribed.", MediaType.TEXT_PLAIN_TYPE).build();
            };
        }
        SxView view = page(token, result, true);
        return Response.status(view.status()).entity(view).build();
    }

    private static SxView page(String token, Unsubscribes.Lookup found, boolean done) {
        Map<String, Object> args = new HashMap<>();
        args.put("state", switch (found.found()) {
            case INVALID -> "invalid";
            case ALREADY_ENDED -> "ended";
            case SUBSCRIBED -> done ? "done" : "ask";
        });
        if (found.newsletter() != null) {
            args.put("newsletter", found.newsletter());
            args.put("email", found.email());
        }
        args.put("action", "/unsubscribe/" + token);
        return SxView.page("~account/unsubscribe", args).title("Unsubscribe")
                .status(found.found() == Unsubscribes.Found.INVALID ? 404 : 200);
    }
}
