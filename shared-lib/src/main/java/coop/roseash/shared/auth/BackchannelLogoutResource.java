package coop.roseash.shared.auth;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.csrf.CsrfExempt;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

import java.util.Map;

/**
 * OIDC Back-Channel Logout 1.0 receiver: federation posts a signed logout token when a member signs
 * out anywhere; the session it names is marked ended in Redis (§2.8: 200 on success, 400 otherwise).
 */
@PublicRoute
@Path("/auth/backchannel-logout")
@CsrfExempt
@IfBuildProperty(name = SsoClient.BUILD_PROPERTY, stringValue = "true")
public class BackchannelLogoutResource {
    private static final Logger LOG = Logger.getLogger(BackchannelLogoutResource.class);

    private final LogoutTokenVerifier verifier;
    private final LoggedOutSessions loggedOut;

    BackchannelLogoutResource(LogoutTokenVerifier verifier, LoggedOutSessions loggedOut) {
        this.verifier = verifier;
        this.loggedOut = loggedOut;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receive(@FormParam("logout_token") String token) {
        JwtClaims claims;
        try {
            claims = verifier.verify(token);
        } catch (LogoutTokenVerifier.Rejected e) {
            LOG.warnf("back-channel logout refused: %s", e.getMessage());
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "invalid_request", "error_description", e.getMessage())).header("Cache-Control", "no-store").build();
        }
        String sid = (String) claims.getClaimValue("sid");
        if (sid != null) {
            loggedOut.markSession(sid).await().indefinitely();
        } else {
            loggedOut.markMember((String) claims.getClaimValue("sub"), System.currentTimeMillis() / 1000).await().indefinitely();
        }
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
