package coop.roseash.shared.web.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HSTS on every response to an HTTPS request (in the stack: {@code X-Forwarded-Proto: https} from the reverse proxy,
 * which Quarkus's proxy-address-forwarding turns into the request's scheme): browsers then refuse plain HTTP to this
 * host for a year. Never over plain HTTP, where browsers ignore it anyway and local runs must stay reachable.
 */
@ApplicationScoped
public class StrictTransportSecurity {

    public static final String HEADER = "Strict-Transport-Security";
    public static final String VALUE = "max-age=31536000; includeSubDomains";
    /** Before every other filter, so refusals and error pages carry it too. */
    static final int PRIORITY = 3_000;

    void register(@Observes Filters filters) {
        filters.register(StrictTransportSecurity::addOverHttps, PRIORITY);
    }

    private static void addOverHttps(RoutingContext rc) {
        if (rc.request().isSSL()) {
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, VALUE));
        }
        rc.next();
    }
}
