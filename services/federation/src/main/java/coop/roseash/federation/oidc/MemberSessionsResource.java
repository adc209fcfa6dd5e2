package coop.roseash.federation.oidc;

import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.SignOnRecords;
import coop.roseash.shared.web.access.InternalRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A member's sign-on sessions for account's dashboard: list them, end one, end every other. Only the platform's
 * services reach it (signed internal requests; 404 through the proxy), and each request must also name a live session
 * of that member ({@code current}: the SHA-256 of the {@code sid} in the member's ID token, which only a service the
 * member signed in to holds), so a caller cannot read or end the sessions of a member who is not using it. Nothing
 * that would let anyone present a session (ids, tokens) leaves here: a session is named by its row id.
 */
@InternalRoute
@Path("/internal/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class MemberSessionsResource {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final SignOnRecords records;
    private final FederationSessions sessions;
    private final SessionEnding ending;
    private final ClientRegistry clients;

    MemberSessionsResource(SignOnRecords records, FederationSessions sessions, SessionEnding ending,
                           ClientRegistry clients) {
        this.records = records;
        this.sessions = sessions;
        this.ending = ending;
        this.clients = clients;
    }

    /** The member's live sessions, the current one marked. */
    @GET
    public Response list(@QueryParam("user_id") Long memberId, @QueryParam("current") String current) {
        Response refused = refusal(memberId, current);
        if (refused != null) {
            return refused;
        }
        Map<String, String> names = clients.all().stream()
                .collect(Collectors.toMap(RegisteredClient::clientId, RegisteredClient::name, (a, b) -> a));
        List<Map<String, Object>> list = records.live(memberId).stream().map(r -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", r.id());
            s.put("device", r.device());
            s.put("startedAt", r.startedAt().toString());
            s.put("lastSeenAt", r.lastSeenAt().toString());
            s.put("services", r.clientIds().stream().map(id -> names.getOrDefault(id, id)).toList());
            s.put("current", r.sessionHash().equals(current));
            return s;
        }).toList();
        return json(200, Map.of("sessions", list));
    }

    /** Ends one of the member's other sessions. */
    @POST
    @Path("end")
    public Response endOne(@QueryParam("user_id") Long memberId, @QueryParam("current") String current,
                           @QueryParam("session") Long session) {
        Response refused = refusal(memberId, current);
        if (refused != null) {
            return refused;
        }
        if (session == null) {
            return error(400, "session (the id of the session to end) is required");
        }
        return records.liveOne(memberId, session)
                .map(r -> r.sessionHash().equals(current)
                        ? error(409, "that is the session making the request; sign out instead")
                        : json(200, Map.of("ended", ending.end(memberId, List.of(r.sessionHash())))))
                .orElseGet(() -> error(404, "the member has no live session " + session));
    }

    /** Ends every session of the member but the current one. */
    @POST
    @Path("end-others")
    public Response endOthers(@QueryParam("user_id") Long memberId, @QueryParam("current") String current) {
        Response refused = refusal(memberId, current);
        if (refused != null) {
            return refused;
        }
        List<String> others = records.live(memberId).stream().map(SignOnRecords.Record::sessionHash)
                .filter(h -> !h.equals(current)).toList();
        return json(200, Map.of("ended", ending.end(memberId, others), "at", Instant.now().toString()));
    }

    /** Why a request may not speak for this member: no member, or no live session of theirs named as current. */
    private Response refusal(Long memberId, String current) {
        if (memberId == null || current == null || !HASH.matcher(current).matches()) {
            return error(400, "user_id and current (the SHA-256, in hex, of the member's session id) are required");
        }
        if (!sessions.liveHashed(current, memberId)) {
            return error(403, "current does not name a live session of member " + memberId);
        }
        return null;
    }

    private static Response error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build();
    }
}
