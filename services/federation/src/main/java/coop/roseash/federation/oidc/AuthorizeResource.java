package coop.roseash.federation.oidc;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.consent.Consents;
import coop.roseash.federation.login.DeviceCookie;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.FederationSessions.Session;
import coop.roseash.shared.auth.DeviceIdSignature;
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

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The authorization endpoint (code flow only): sends the person to log in or consent, then back with a code. */
@PublicRoute
@Path(Issuer.AUTHORIZE)
public class AuthorizeResource {
    private final ClientRegistry clients;
    private final FederationSessions sessions;
    private final Consents consents;
    private final AuthorizationCodes codes;
    private final DeviceCookie devices;
    private final Issuer issuer;
    private final DeviceIdSignature deviceIds;

    AuthorizeResource(ClientRegistry clients, FederationSessions sessions, Consents consents, AuthorizationCodes codes,
                      DeviceCookie devices, Issuer issuer, DeviceIdSignature deviceIds) {
        this.deviceIds = deviceIds;
        this.clients = clients;
        this.sessions = sessions;
        this.consents = consents;
        this.codes = codes;
        this.devices = devices;
        this.issuer = issuer;
    }

    @GET
    @Transactional
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return authorize(uri.getQueryParameters(), headers);
    }

    /** OIDC Core §3.1.2.1 allows POST; it is a cross-site navigation by design, so no CSRF token. */
    @POST
    @Transactional
    @CsrfExempt
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(String body, @Context HttpHeaders headers) {
        try {
            return authorize(FormParams.parse(body), headers);
        } catch (OAuthError e) {
            return AuthorizeResource.errorPage("The request was garbled: " + e.getMessage() + ".");
        }
    }

    private Response authorize(MultivaluedMap<String, String> params, HttpHeaders headers) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(params, clients);
        } catch (AuthorizationRequest.Unredirectable e) {
            return errorPage(e.getMessage());
        } catch (AuthorizationRequest.Refused e) {
            return redirect(e.redirectUri, errorParams(e.error, e.getMessage(), e.state));
        }
        Optional<String> knownDevice = devices.read(headers);
        String deviceId = knownDevice.orElseGet(devices::newId);
        Response response = decide(request, sessions.current(headers), deviceId);
        // the visitor's one identity across hosts starts here, on their first round trip
        return knownDevice.isPresent() ? response : Response.fromResponse(response).cookie(devices.cookie(deviceId)).build();
    }

    private Response decide(AuthorizationRequest request, Optional<Session> session, String deviceId) {
        Instant now = Instant.now();
        // prompt=login and max_age ask for a sign-in even when there is a session (OIDC Core §3.1.2.1)
        if (session.isEmpty() || !request.freshSignIn().accepts(session.get().authTime(), now)) {
            if (request.silent()) {
                Map<String, String> error = errorParams("login_required",
                        session.isEmpty() ? "the member is not signed in" : "the member signed in too long ago", request.state());
                error.put("device_id", deviceIds.sign(deviceId));
                return redirect(request.redirectUri(), error);
            }
            return seeOther("/auth/login?continue=" + AuthorizationRequest.enc(request.resumeAfterSignIn(now)));
        }
        Session s = session.get();
        if (!request.client().firstParty()
                && (request.prompt().contains("consent") || !consents.covers(s.memberId(), request.client().clientId(), request.scopes()))) {
            if (request.silent()) {
                return redirect(request.redirectUri(), errorParams("consent_required", "the member has not approved this application", request.state()));
            }
            return seeOther("/oauth/consent?continue=" + AuthorizationRequest.enc(request.resumeUrl()));
        }
        String code = codes.issue(request.client().clientId(), s.memberId(), request.redirectUri(), Scopes.format(request.scopes()),
                request.nonce(), request.codeChallenge(), s.id(), s.authTime(), deviceId);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        putIfPresent(answer, "state", request.state());
        answer.put("iss", issuer.id());
        return redirect(request.redirectUri(), answer);
    }

    private Map<String, String> errorParams(String error, String description, String state) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", error);
        p.put("error_description", description);
        putIfPresent(p, "state", state);
        p.put("iss", issuer.id());
        return p;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Appends the answer to the registered redirect URI, keeping any query it already has. */
    static Response redirect(String redirectUri, Map<String, String> params) {
        StringBuilder url = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        params.forEach((k, v) -> url.append(AuthorizationRequest.enc(k)).append('=').append(AuthorizationRequest.enc(v)).append('&'));
        url.setLength(url.length() - 1);
        return Response.status(Response.Status.FOUND).location(URI.create(url.toString()))
                .header("Cache-Control", "no-store").build();
    }

    static Response seeOther(String relative) {
        return Response.seeOther(URI.create(relative)).header("Cache-Control", "no-store").build();
    }

    static Response errorPage(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(SxView.page("~federation/auth/error", Map.of("message", message)).title("Sign-in problem").status(400))
                .build();
    }
}
