package coop.roseash.shared.web;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns an {@link SxView} returned by a resource method (or an error mapper) into the response body: the full page
 * or {@code text/sx}, always with {@code Vary: SX-Request}.
 *
 * <p>A page waits for its site header (fragments fetched over HTTP). Blocking resource methods get here on a worker
 * thread and render in place. Responses made on the event loop (the 404 page for an unmatched path, a filter that
 * refuses a request) are rendered on a worker thread instead: waiting there would hold the very thread the header's
 * own HTTP calls may need (a service fetching its own {@code nav-tree} then timed out and rendered headerless).
 */
public class SxViewResponseFilter {

    private static final Logger LOG = Logger.getLogger(SxViewResponseFilter.class);
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final SxPageRenderer renderer;
    private final SxRequestContexts contexts;

    SxViewResponseFilter(SxPageRenderer renderer, SxRequestContexts contexts) {
        this.renderer = renderer;
        this.contexts = contexts;
    }

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public Uni<Void> filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof SxView view)) {
            return DONE;
        }
        SxRequestContext context = contexts.of(request);
        if (!Context.isOnEventLoopThread()) {
            write(response, renderOrError(view, context));
            return DONE;
        }
        return Uni.createFrom().item(() -> renderOrError(view, context))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(rendered -> write(response, rendered))
                .replaceWithVoid();
    }

    private static void write(ContainerResponseContext response, RenderedResponse rendered) {
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
            return new RenderedResponse(500, SxHeaders.TEXT_HTML, ErrorViews.plainHtml(500), Map.of());
        }
    }
}
