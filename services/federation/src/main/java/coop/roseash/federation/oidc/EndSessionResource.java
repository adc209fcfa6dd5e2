package coop.roseash.federation.oidc;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.FederationSessions.Session;
import coop.roseash.federation.login.SignOnRecords;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.csrf.CsrfExempt;
import coop.roseash.shared.web.csrf.CsrfProtection;
import coop.roseash.shared.web.csrf.CsrfTokens;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OIDC RP-Initiated Logout 1.0: ends the federation session, revokes its refresh tokens, tells
 * every client over the back channel, then returns to the client's post-logout URI only if it is
 * registered for that client exactly (otherwise a signed-out page, never a redirect). A request
 * without an ID token of the signed-in member (§2: the OP asks the member then) only shows a
 * confirmation page, whose CSRF-checked form ends the session: any site can make a browser open this URL.
 */
@PublicRoute
@Path(Issuer.END_SESSION)
public class EndSessionResource {
    private final TokenVerifier verifier;
    private final ClientRegistry clients;
    private final FederationSessions sessions;
    private final RefreshTokens refreshTokens;
    private final BackchannelLogout backchannel;
    private final CsrfTokens csrf;
    private final SignOnRecords records;

    EndSessionResource(TokenVerifier verifier, ClientRegistry clients, FederationSessions sessions,
                       RefreshTokens refreshTokens, BackchannelLogout backchannel, CsrfTokens csrf, SignOnRecords records) {
        this.records = records;
        this.verifier = verifier;
        this.clients = clients;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.backchannel = backchannel;
        this.csrf = csrf;
    }

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return endSession(uri.getQueryParameters(), headers, false);
    }

    /**
     * Clients may post here from their own pages with an id_token_hint (so no CSRF token from us); without one, only
     * the confirmation form's post, carrying the CSRF token, signs out.
     */
    @POST
    @CsrfExempt
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(String body, @Context HttpHeaders headers) {
        MultivaluedMap<String, String> form;
        try {
            form = FormParams.parse(body);
        } catch (OAuthError e) {
            return AuthorizeResource.errorPage("The request was garbled: " + e.getMessage() + ".");
        }
        String token = form.getFirst(CsrfTokens.FORM_FIELD);
        if (token != null && !confirmedBy(token, headers)) {
            return CsrfProtection.forbidden();
        }
        form.remove(CsrfTokens.FORM_FIELD);
        return endSession(form, headers, token != null);
    }

    /** The form's token matches the valid one in the browser's CSRF cookie (signed double submit, as for every form). */
    private boolean confirmedBy(String token, HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(CsrfTokens.COOKIE);
        return cookie != null && csrf.valid(cookie.getValue())
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private Response endSession(MultivaluedMap<String, String> raw, HttpHeaders headers, boolean confirmed) {
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
        // an ID token speaks for the member only if it is theirs: anyone's own token would otherwise sign anyone out
        boolean hintIsTheMembers = hint.isPresent()
                && session.map(s -> Long.toString(s.memberId()).equals(claim(hint, "sub"))).orElse(true);
        if (session.isPresent() && !hintIsTheMembers && !confirmed) {
            return confirmation(clientId, postLogout, params.get("state"));
        }
        String sessionId = session.map(Session::id).orElseGet(() -> claim(hint, "sid"));
        String subject = session.map(s -> Long.toString(s.memberId())).orElseGet(() -> claim(hint, "sub"));
        session.ifPresent(s -> sessions.end(s.id()));
        if (sessionId != null) {
            revoke(sessionId);
            records.ended(OpaqueTokens.hash(sessionId));
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

    /** "Sign out of Rose Ash?", carrying the request on to the form's post. */
    private static Response confirmation(String clientId, String postLogout, String state) {
        Map<String, Object> args = new HashMap<>();
        putIfPresent(args, "client-id", clientId);
        putIfPresent(args, "post-logout-redirect-uri", postLogout);
        putIfPresent(args, "state", state);
        return Response.ok(SxView.page("~federation/auth/sign-out", args).title("Sign out?"))
                .header("Cache-Control", "no-store").build();
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
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
