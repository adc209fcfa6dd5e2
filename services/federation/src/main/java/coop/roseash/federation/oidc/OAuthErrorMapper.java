package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Renders {@link OAuthError} as the JSON error body RFC 6749 §5.2 defines, never cached. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {
    @Override
    public Response toResponse(OAuthError e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(Map.of("error", e.code(), "error_description", e.getMessage()));
        if (e.wwwAuthenticate() != null) {
            response.header("WWW-Authenticate", e.wwwAuthenticate());
        }
        return response.build();
    }
}
