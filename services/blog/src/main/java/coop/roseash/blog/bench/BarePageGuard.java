package coop.roseash.blog.bench;

import coop.roseash.shared.web.SiteHeader;
import coop.roseash.shared.web.SxRequestContexts;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hides {@link BarePageResource} unless {@code roseash.blog.bench.bare-page} is on, and gives it an empty site
 * header, so the page asks no fragment at all (the header is started once per request, and this start comes first).
 */
public class BarePageGuard {

    private final boolean enabled;
    private final SxRequestContexts contexts;

    BarePageGuard(@ConfigProperty(name = "roseash.blog.bench.bare-page", defaultValue = "false") boolean enabled,
                  SxRequestContexts contexts) {
        this.enabled = enabled;
        this.contexts = contexts;
    }

    // late, after the filters that establish the visitor the request context is built with
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    public void bareHeader(ContainerRequestContext request) {
        if (!BarePageResource.PATH.equals(request.getUriInfo().getPath())) {
            return;
        }
        if (!enabled) {
            throw new NotFoundException();
        }
        contexts.of(request).siteHeader(() -> CompletableFuture.completedFuture(SiteHeader.EMPTY));
    }
}
