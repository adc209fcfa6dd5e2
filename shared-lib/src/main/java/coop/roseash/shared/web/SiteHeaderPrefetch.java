package coop.roseash.shared.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Starts fetching the site header as soon as a request for a full page is matched, so the fragments load while the
 * resource method loads its data, not after (docs/spec/architecture.md, "Runtime shape").
 */
public class SiteHeaderPrefetch {

    private final SxPageRenderer renderer;
    private final SxRequestContexts contexts;

    SiteHeaderPrefetch(SxPageRenderer renderer, SxRequestContexts contexts) {
        this.renderer = renderer;
        this.contexts = contexts;
    }

    @ServerRequestFilter
    public void prefetch(ContainerRequestContext request, ResourceInfo resource) {
        if ("GET".equals(request.getMethod())
                && resource.getResourceMethod() != null
                && SxView.class.equals(resource.getResourceMethod().getReturnType())) {
            SxRequestContext context = contexts.of(request);
            if (!context.engineRequest()) {
                renderer.startSiteHeader(context);
            }
        }
    }
}
