package coop.roseash.federation.oidc;

import coop.roseash.shared.web.MalformedForm;
import coop.roseash.shared.web.SxErrorPages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * A malformed form body ({@link MalformedForm}) on /oauth/* gets the OAuth error shape; elsewhere in
 * federation (the login and consent forms) it is left to the shared error page (400, "Bad request").
 */
public class MalformedFormMapper {

    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (!MalformedForm.is(e) || !uri.getPath().startsWith("/oauth/")) {
            return SxErrorPages.forException(e, headers);
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/json").header("Cache-Control", "no-store")
                .entity(Map.of("error", "invalid_request", "error_description", "the body is not valid form encoding"))
                .build();
    }
}
