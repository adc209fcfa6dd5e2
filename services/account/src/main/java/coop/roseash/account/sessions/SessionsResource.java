package coop.roseash.account.sessions;

import coop.roseash.account.access.Gate;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * "Sign out everywhere else" and "end this session" from the dashboard's list of sessions (CSRF-checked posts, like
 * every form). federation ends the sessions and tells every service over the back channel; this one stays.
 */
@MembersOnly
@Path("/sessions")
public class SessionsResource {

    private final Gate gate;
    private final SignOnSessions sessions;
    private final CurrentSession current;

    SessionsResource(Gate gate, SignOnSessions sessions, CurrentSession current) {
        this.gate = gate;
        this.sessions = sessions;
        this.current = current;
    }

    @POST
    @Path("sign-out-others")
    public Response signOutOthers(@Context HttpHeaders headers) {
        Visitor v = gate.requireMember("/");
        try {
            int ended = sessions.endOthers(v.userId(), sid());
            return SxRedirect.to(headers, "/?done=" + (ended == 0 ? "no-other-sessions" : "signed-out-elsewhere"));
        } catch (SignOnSessions.Unavailable e) {
            return problem(e);
        }
    }

    @POST
    @Path("{id}/end")
    public Response end(@Context HttpHeaders headers, @PathParam("id") long id) {
        Visitor v = gate.requireMember("/");
        try {
            sessions.end(v.userId(), sid(), id);
            return SxRedirect.to(headers, "/?done=session-ended");
        } catch (SignOnSessions.Unavailable e) {
            return problem(e);
        }
    }

    private String sid() {
        return current.sid().orElseThrow(() -> new SignOnSessions.Unavailable(409,
                "This page does not know which session you are using. Sign out and in again, then retry."));
    }

    private static Response problem(SignOnSessions.Unavailable e) {
        return Response.status(e.status()).entity(SxView.page("~account/sessions-problem", Map.of("message", e.getMessage()))
                .title("Your sessions").status(e.status())).build();
    }
}
