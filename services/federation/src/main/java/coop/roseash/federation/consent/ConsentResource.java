package coop.roseash.federation.consent;

import coop.roseash.shared.web.access.MembersOnly;
import coop.roseash.federation.login.ContinueUrl;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.oidc.ClientRegistry;
import coop.roseash.federation.oidc.Issuer;
import coop.roseash.federation.oidc.Interrupted;
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
import org.jboss.resteasy.reactive.common.util.Encode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consent screen for applications not run by the platform: shown once, remembered when allowed.
 * It resumes the authorization request it interrupted, which re-validates everything.
 */
@MembersOnly
@Path("/oauth/consent")
public class ConsentResource {
    private static final Map<String, String> SCOPE_TEXT = Map.of(
            "openid", "that you are a Rose Ash member (an identifier for you)",
            "profile", "your name",
            "email", "your email address",
            "offline_access", "to stay signed in when you are away");

    private final FederationSessions sessions;
    private final ClientRegistry clients;
    private final Consents consents;
    private final Issuer issuer;

    ConsentResource(FederationSessions sessions, ClientRegistry clients, Consents consents, Issuer issuer) {
        this.sessions = sessions;
        this.clients = clients;
        this.consents = consents;
        this.issuer = issuer;
    }

    @GET
    public Response show(@QueryParam("continue") String continueUrl, @Context HttpHeaders headers) {
        Optional<Interrupted> ask = ask(continueUrl);
        if (ask.isEmpty()) {
            return badRequest();
        }
        if (sessions.current(headers).isEmpty()) {
            return Response.seeOther(URI.create("/auth/login?continue=" + Encode.encodeQueryParamAsIs(ask.get().resumeUrl()))).build();
        }
        List<String> lines = ask.get().scopes().stream().map(s -> SCOPE_TEXT.getOrDefault(s, s)).toList();
        return Response.ok(SxView.page("~federation/auth/consent", Map.of("client-name", ask.get().client().name(),
                        "scopes", lines, "continue", ask.get().resumeUrl())).title("Allow " + ask.get().client().name() + "?"))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("continue") String continueUrl, @FormParam("decision") String decision,
                           @Context HttpHeaders headers) {
        Optional<Interrupted> ask = ask(continueUrl);
        Optional<FederationSessions.Session> session = sessions.current(headers);
        if (ask.isEmpty() || session.isEmpty()) {
            return badRequest();
        }
        if ("allow".equals(decision)) {
            consents.approve(session.get().memberId(), ask.get().client().clientId(), ask.get().scopes());
            return Response.seeOther(URI.create(ask.get().resumeUrl())).build();
        }
        return ask.get().denied();
    }

    private Optional<Interrupted> ask(String continueUrl) {
        return Interrupted.of(ContinueUrl.safe(continueUrl), clients, issuer);
    }

    private static Response badRequest() {
        return Response.status(400).entity(SxView.page("~federation/auth/error",
                Map.of("message", "This approval request is incomplete or has expired.")).title("Sign-in problem").status(400)).build();
    }
}
