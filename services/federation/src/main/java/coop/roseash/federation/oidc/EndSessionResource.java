package coop.roseash.federation.oidc;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.FederationSessions.Session;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OIDC RP-Initiated Logout 1.0: ends the federation session, revokes its refresh tokens, tells
 * every client over the back channel, then returns to the client's post-logout URI only if it is
 * registered for that client exactly (otherwise a signed-out page, never a redirect).
 */
@PublicRoute
@Path(Issuer.END_SESSION)
public class EndSessionResource {
    private final TokenVerifier verifier;
    private final ClientRegistry clients;
    private final FederationSessions sessions;
    private final RefreshTokens refreshTokens;
    private final BackchannelLogout backchannel;

    EndSessionResource(TokenVerifier verifier, ClientRegistry clients, FederationSessions sessions,
                       RefreshTokens refreshTokens, BackchannelLogout backchannel) {
        this.verifier = verifier;
        this.clients = clients;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.backchannel = backchannel;
    }

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return endSession(uri.getQueryParameters(), headers);
    }

    @POST
    @CsrfExempt
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(String body, @Context HttpHeaders headers) {
        try {
            return endSession(FormParams.parse(body), headers);
        } catch (OAuthError e) {
            return AuthorizeResource.errorPage("The request was garbled: " + e.getMessage() + ".");
        }
    }

    private Response endSession(MultivaluedMap<String, String> raw, HttpHeaders headers) {
        Map<String, String> params;
        try {
            params = FormParams.single(raw);
        } catch (OAuthError e) {
            return problem(e.getMessage());
        }
        Optional<JwtClaims> hint = params.containsKey("id_token_hint")
                ? verifier.idTokenHint(params.get("id_token_hint")) : Optional.empty();
        if (params.containsKey("id_token_hint")) {
            if (hint.isEmpty()) {
                return problem("The sign-out request carried a token this site did not issue.");
            }
        }
        String clientId = params.get("client_id");
        String hintedClient = hint.map(EndSessionResource::audience).orElse(null);
        if (clientId != null && hintedClient != null && !clientId.equals(hintedClient)) {
            return problem("The sign-out request names two different applications.");
        }
        clientId = clientId != null ? clientId : hintedClient;
        String postLogout = params.get("post_logout_redirect_uri");
        Optional<RegisteredClient> client = clients.find(clientId);
        if (postLogout != null && client.map(c -> !c.allowsPostLogoutRedirect(postLogout)).orElse(true)) {
            return problem("The address to return to after signing out is not registered for this application.");
        }

        Optional<Session> session = sessions.current(headers);
        String sessionId = session.map(Session::id).orElseGet(() -> claim(hint, "sid"));
        String subject = session.map(s -> Long.toString(s.memberId())).orElseGet(() -> claim(hint, "sub"));
        session.ifPresent(s -> sessions.end(s.id()));
        if (sessionId != null) {
            revoke(sessionId);
        }
        if (sessionId != null || subject != null) {
            backchannel.notifyClients(subject, sessionId);
        }
        if (postLogout != null) {
            Map<String, String> answer = new LinkedHashMap<>();
            if (params.containsKey("state")) {
                answer.put("state", params.get("state"));
            }
            Response redirect = answer.isEmpty()
                    ? Response.status(Response.Status.FOUND).location(java.net.URI.create(postLogout)).build()
                    : AuthorizeResource.redirect(postLogout, answer);
            return Response.fromResponse(redirect).cookie(sessions.clearedCookie()).build();
        }
        return Response.ok(SxView.page("~federation/auth/signed-out").title("Signed out"))
                .cookie(sessions.clearedCookie()).header("Cache-Control", "no-store").build();
    }

    @Transactional
    void revoke(String sessionId) {
        refreshTokens.revokeSession(sessionId);
    }

    private static Response problem(String message) {
        return AuthorizeResource.errorPage(message);
    }

    private static String audience(JwtClaims claims) {
        try {
            List<String> aud = claims.getAudience();
            return aud.size() == 1 ? aud.get(0) : null;
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    private static String claim(Optional<JwtClaims> claims, String name) {
        return claims.map(c -> c.getClaimValue(name)).map(Object::toString).orElse(null);
    }
}
