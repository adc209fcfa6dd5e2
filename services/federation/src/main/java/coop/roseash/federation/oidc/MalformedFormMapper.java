package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * A form body with broken percent-encoding fails inside the framework's form reader, before any
 * endpoint runs; it is the client's mistake, so it gets 400 (the OAuth error shape on /oauth/*), not 500.
 */
public class MalformedFormMapper {

    @ServerExceptionMapper
    public RestResponse<Object> malformed(IllegalArgumentException e, UriInfo uri) {
        if (e.getMessage() == null || !e.getMessage().startsWith("Failed to decode URL")) {
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
