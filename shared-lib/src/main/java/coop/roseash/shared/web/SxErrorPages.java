package coop.roseash.shared.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps errors to the friendly SX error page (never a stack trace); JSON clients get a bare status. */
public class SxErrorPages {

    private static final Logger LOG = Logger.getLogger(SxErrorPages.class);

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, HttpHeaders headers) {
        Response original = e.getResponse();
        int status = original.getStatus();
        // redirects and responses that already carry a body are meant as they are
        if (status < 400 || original.hasEntity()) {
            return original;
        }
        return page(status, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        return forException(e, headers);
    }

    /** The page for an exception; for a service's narrower mapper to fall back on for cases it leaves alone. */
    public static Response forException(RuntimeException e, HttpHeaders headers) {
        if (MalformedForm.is(e)) {
            return page(400, headers);
        }
        LOG.error("unhandled error", e);
        return page(500, headers);
    }

    private static Response page(int status, HttpHeaders headers) {
        if (wantsJson(headers)) {
            return Response.status(status).build();
        }
        return Response.status(status).entity(ErrorViews.forStatus(status)).build();
    }

    private static boolean wantsJson(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
    }
}
