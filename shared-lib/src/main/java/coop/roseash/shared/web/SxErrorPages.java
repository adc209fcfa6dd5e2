package coop.roseash.shared.web;

import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps errors to the friendly SX error page (never a stack trace); JSON clients get a bare status. */
public class SxErrorPages {

    private static final Logger LOG = Logger.getLogger(SxErrorPages.class);
    /** What a 503 asks clients to wait: about as long as PostgreSQL takes to restart. */
    static final int RETRY_AFTER_SECONDS = 30;

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
        if (databaseUnreachable(e)) {
            // an outage, not a bug: one line per request, no stack trace; the pool reconnects by itself
            LOG.warnf("database unreachable: %s", e.getMessage());
            return Response.fromResponse(page(503, headers)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unhandled error", e);
        return page(500, headers);
    }

    /**
     * Whether {@code e} comes from not reaching PostgreSQL at all: SQLSTATE class 08, no connection in time, or the
     * server shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), in the
     * causes or in what they suppressed (a commit that meets a restart: Narayana's RollbackException suppresses the
     * XAException whose cause is the driver's).
     */
    static boolean databaseUnreachable(Throwable e) {
        return databaseUnreachable(e, 0);
    }

    private static boolean databaseUnreachable(Throwable e, int depth) {
        for (Throwable cause = e; cause != null && depth < 20; cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (databaseUnreachable(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
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
