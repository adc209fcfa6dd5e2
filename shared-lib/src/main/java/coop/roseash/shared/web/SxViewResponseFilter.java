package coop.roseash.shared.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import org.jboss.logging.Logger;

/**
 * Turns an {@link SxView} returned by a resource method (or an error mapper) into the response body: the full page
 * or {@code text/sx}, always with {@code Vary: SX-Request}. Runs on the worker thread of blocking resource methods.
 */
@Provider
@Priority(Priorities.USER + 100)
public class SxViewResponseFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(SxViewResponseFilter.class);

    private final SxPageRenderer renderer;
    private final SxRequestContexts contexts;

    SxViewResponseFilter(SxPageRenderer renderer, SxRequestContexts contexts) {
        this.renderer = renderer;
        this.contexts = contexts;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof SxView view)) {
            return;
        }
        SxRequestContext context = contexts.of(request);
        RenderedResponse rendered = renderOrError(view, context);
        response.setStatus(rendered.status());
        response.setEntity(rendered.body(), new Annotation[0], MediaType.valueOf(rendered.contentType()));
        rendered.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        response.getHeaders().add(HttpHeaders.VARY, SxHeaders.SX_REQUEST);
    }

    private RenderedResponse renderOrError(SxView view, SxRequestContext context) {
        try {
            return renderer.render(view, context);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rendering %s failed", view.component());
        }
        try {
            return renderer.render(ErrorViews.forStatus(500), context);
        } catch (RuntimeException e) {
            LOG.error("rendering the error page failed too", e);
            return new RenderedResponse(500, SxHeaders.TEXT_HTML, ErrorViews.plainHtml(500), java.util.Map.of());
        }
    }
}
