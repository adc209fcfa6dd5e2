package coop.roseash.shared.web.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names the replica that answered in {@code X-Roseash-Instance} when {@code roseash.instance} is set
 * ({@code ROSEASH_INSTANCE}: the launcher's replicas, {@code blog-1}, {@code blog-2}, ...), so a request through the
 * reverse proxy shows which replica served it. Unset (the stack), nothing is added: the header would only tell
 * outsiders about the deployment.
 */
@ApplicationScoped
public class InstanceHeader {

    public static final String HEADER = "X-Roseash-Instance";
    /** With HSTS, before every other filter, so refusals and error pages carry it too. */
    static final int PRIORITY = 3_000;

    private final Optional<String> instance;

    InstanceHeader(@ConfigProperty(name = "roseash.instance") Optional<String> instance) {
        this.instance = instance.map(String::strip).filter(name -> !name.isEmpty());
    }

    void register(@Observes Filters filters) {
        instance.ifPresent(name -> filters.register(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, name));
            rc.next();
        }, PRIORITY));
    }
}
