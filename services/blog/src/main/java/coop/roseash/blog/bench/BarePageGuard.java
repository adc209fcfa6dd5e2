package coop.roseash.blog.bench;

import coop.roseash.shared.web.SiteHeader;
import coop.roseash.shared.web.SxRequestContexts;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.CompletableFuture;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hides {@link BarePageResource} unless {@link BarePageSwitch} is on, and gives it an empty site
 * header, so the page asks no fragment at all (the header is started once per request, and this start comes first).
 */
public class BarePageGuard {

    private final BarePageSwitch bench;
    private final SxRequestContexts contexts;

    BarePageGuard(BarePageSwitch bench, SxRequestContexts contexts) {
        this.bench = bench;
        this.contexts = contexts;
    }

    // after the filters that establish the visitor the request context is built with, just before
    // SiteHeaderPrefetch (Priorities.USER) would start the real header
    @ServerRequestFilter(priority = Priorities.USER - 1)
    public void bareHeader(ContainerRequestContext request) {
        if (!BarePageResource.PATH.equals(request.getUriInfo().getPath())) {
            return;
        }
        if (!bench.enabled()) {
            throw new NotFoundException();
        }
        contexts.of(request).siteHeader(() -> CompletableFuture.completedFuture(SiteHeader.EMPTY));
    }
}
