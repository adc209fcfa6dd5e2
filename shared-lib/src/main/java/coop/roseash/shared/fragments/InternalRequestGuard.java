package coop.roseash.shared.fragments;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every request under {@code /internal/} that is not a signed fragment request (403 with the reason).
 * It runs before matching, so an unknown internal path is refused too rather than revealed as a 404.
 */
public class InternalRequestGuard {

    private static final Logger LOG = Logger.getLogger(InternalRequestGuard.class);

    private final Optional<InternalSignature> signature;
    private final FragmentsConfig config;
    private final Clock clock;

    public InternalRequestGuard(InternalAuthConfig auth, FragmentsConfig config) {
        this.signature = auth.hmacSecret().filter(secret -> !secret.isBlank()).map(InternalSignature::new);
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/internal") && !path.startsWith("/internal/")) {
            return null;
        }
        String refusal = refusal(request, path);
        if (refusal == null) {
            return null;
        }
        LOG.debugf("refused internal request %s %s: %s", request.getMethod(), path, refusal);
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Forbidden: " + refusal + "\n").build();
    }

    private String refusal(ContainerRequestContext request, String path) {
        if (!"1".equals(request.getHeaderString(InternalSignature.FRAGMENT_REQUEST_HEADER))) {
            return "internal requests must carry " + InternalSignature.FRAGMENT_REQUEST_HEADER + ": 1";
        }
        if (signature.isEmpty()) {
            return "internal requests are disabled because roseash.internal.hmac-secret is not configured";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(String.valueOf(request.getHeaderString(InternalSignature.TIMESTAMP_HEADER)).trim());
        } catch (NumberFormatException e) {
            return "missing or malformed " + InternalSignature.TIMESTAMP_HEADER + " (epoch seconds)";
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > config.maxClockSkewSeconds()) {
            return "timestamp is " + skew + " s away from this server's clock (at most "
                    + config.maxClockSkewSeconds() + " s allowed)";
        }
        String given = request.getHeaderString(InternalSignature.SIGNATURE_HEADER);
        if (!signature.get().matches(given, request.getMethod(), path, request.getUriInfo().getQueryParameters(), timestamp)) {
            return given == null ? "missing " + InternalSignature.SIGNATURE_HEADER : "invalid " + InternalSignature.SIGNATURE_HEADER;
        }
        return null;
    }
}
