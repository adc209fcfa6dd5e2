package coop.roseash.federation.oidc;

import coop.roseash.shared.web.MalformedForm;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * A malformed form body ({@link MalformedForm}) on /oauth/* gets the OAuth error shape; elsewhere in
 * federation a plain 400.
 */
public class MalformedFormMapper {

    @ServerExceptionMapper
    public RestResponse<Object> malformed(IllegalArgumentException e, UriInfo uri) {
        if (!MalformedForm.is(e)) {
            return null;
        }
        if (uri.getPath().startsWith("/oauth/")) {
            return RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.BAD_REQUEST)
                    .type("application/json").header("Cache-Control", "no-store")
                    .entity(Map.of("error", "invalid_request", "error_description", "the body is not valid form encoding"))
                    .build();
        }
        return RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.BAD_REQUEST)
                .type("text/plain").entity("The form could not be read.").build();
    }
}
