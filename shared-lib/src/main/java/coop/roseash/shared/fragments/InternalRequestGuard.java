package coop.roseash.shared.fragments;

import coop.roseash.shared.config.RoseAshConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every request under {@code /internal/} that is not a signed fragment request (403 with the reason).
 * It runs before matching, so an unknown internal path is refused too rather than revealed as a 404. The signature
 * must name this service as its target ({@link InternalSignature}), so one taken from a request to another service
 * is refused here.
 */
public class InternalRequestGuard {

    private static final Logger LOG = Logger.getLogger(InternalRequestGuard.class);

    private final Optional<InternalSignature> signature;
    private final FragmentsConfig config;
    private final Clock clock;
    private final Set<String> targets;

    @Inject
    public InternalRequestGuard(InternalAuthConfig auth, FragmentsConfig config, RoseAshConfig platform) {
        this(auth, config, namesOfThisServer(platform.service().name(), internalUrls(platform)));
    }

    InternalRequestGuard(InternalAuthConfig auth, FragmentsConfig config, Set<String> targets) {
        this.signature = auth.hmacSecret().filter(secret -> !secret.isBlank()).map(InternalSignature::new);
        this.config = config;
        this.clock = Clock.systemUTC();
        this.targets = Set.copyOf(targets);
    }

    /**
     * The target names a request to this server may be signed for: its own name, and any service configured at its
     * own internal URL (one test application plays several providers; in a deployment every service has its own).
     */
    static Set<String> namesOfThisServer(String self, Map<String, String> internalUrls) {
        Set<String> names = new TreeSet<>(Set.of(self));
        String own = internalUrls.get(self);
        if (own != null) {
            internalUrls.forEach((name, url) -> {
                if (trimSlash(url).equals(trimSlash(own))) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static Map<String, String> internalUrls(RoseAshConfig platform) {
        Map<String, String> urls = new HashMap<>();
        platform.services().forEach((name, endpoint) -> urls.put(name, endpoint.internalUrl()));
        return urls;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
        InternalSignature key = signature.get();
        long at = timestamp;
        if (targets.stream().noneMatch(target ->
                key.matches(given, target, request.getMethod(), path, request.getUriInfo().getQueryParameters(), at))) {
            return given == null ? "missing " + InternalSignature.SIGNATURE_HEADER : "invalid " + InternalSignature.SIGNATURE_HEADER;
        }
        return null;
    }
}
