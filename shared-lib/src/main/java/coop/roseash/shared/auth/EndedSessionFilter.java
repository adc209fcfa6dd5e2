package coop.roseash.shared.auth;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;

/**
 * Signing out anywhere signs out everywhere: a request whose session federation ended over the back
 * channel loses its session cookie here and is sent to the same page again, now anonymous.
 */
public class EndedSessionFilter {
    @Inject
    SecurityIdentity identity;
    @Inject
    LoggedOutSessions loggedOut;
    @Inject
    OidcSession session;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean ssoEnabled;

    @ServerRequestFilter(priority = 900)
    public Uni<Response> signOutEndedSessions(ContainerRequestContext request) {
        if (!ssoEnabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().nullItem();
        }
        return loggedOut.ended(token.getClaim("sid"), token.getSubject(), token.getIssuedAtTime())
                .flatMap(ended -> !ended ? Uni.createFrom().nullItem() : session.logout().map(v -> again(request)));
    }

    private static Response again(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String target = "GET".equals(request.getMethod())
                ? ReturnTo.safe(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())) : "/";
        return Response.seeOther(URI.create(target)).header("Cache-Control", "no-store").build();
    }
}
