package coop.roseash.shared.web.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * {@code /q/*} (health, metrics) and {@code /internal/*} (signed fragment requests) are for the stack's own network:
 * a request that came through the reverse proxy (it carries the proxy's forwarding headers) gets the site's 404 page
 * instead. Health checks, metrics scrapers and fragment calls reach a service directly and are unaffected. The
 * proxy lives outside this repository; this holds whatever its routes are.
 */
@ApplicationScoped
public class OperatorPaths {

    static final List<String> PREFIXES = List.of("/q", "/internal");
    static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Real-IP");
    // nothing serves it, so routing ends in the shared 404 page
    static final String NOT_PUBLIC = "/.not-public";
    /** After HSTS, before everything else. */
    static final int PRIORITY = 2_000;

    void register(@Observes Filters filters) {
        filters.register(OperatorPaths::refuseFromOutside, PRIORITY);
    }

    private static void refuseFromOutside(RoutingContext rc) {
        if (isOperatorPath(rc.normalizedPath()) && forwarded(rc.request().headers())) {
            rc.reroute(NOT_PUBLIC);
            return;
        }
        rc.next();
    }

    static boolean isOperatorPath(String path) {
        return path != null && PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    static boolean forwarded(MultiMap headers) {
        return FORWARDING_HEADERS.stream().anyMatch(headers::contains);
    }
}
