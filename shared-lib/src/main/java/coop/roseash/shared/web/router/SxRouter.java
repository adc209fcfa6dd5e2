package coop.roseash.shared.web.router;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.FormFields;
import coop.roseash.shared.web.SxPageRenderer;
import coop.roseash.shared.web.SxRequestContext;
import coop.roseash.shared.web.SxRequestContexts;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.csrf.CsrfExempt;
import coop.roseash.shared.web.csrf.CsrfTokens;
import coop.roseash.sx.RouteMatch;
import coop.roseash.sx.SxEngine;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Serves the {@code defpage} and {@code defhandler} routes of the loaded .sx files under {@value #PREFIX}
 * (docs/spec/sx-language.md §8): a page is a full HTML page in the shared layout, or text/sx for an engine request; a handler
 * answers text/sx. Route paths are written with the prefix ({@code :path "/sx/demos/counter"}).
 *
 * <p>Handlers check their own CSRF token ({@code :csrf}, true by default for non-GET), so this resource is exempt
 * from the general filter. {@code :auth :post-author} is granted to admins only here: which post a route belongs to
 * is the owning service's business.
 */
// any visitor reaches the router; each defpage/defhandler declares its own :auth, which route() enforces
@PublicRoute
@Path(SxRouter.PREFIX)
@CsrfExempt
public class SxRouter {

    public static final String PREFIX = "/sx";

    private final SxEngine engine;
    private final SxPageRenderer renderer;
    private final SxRequestContexts contexts;
    private final CsrfTokens csrfTokens;

    SxRouter(SxEngine engine, SxPageRenderer renderer, SxRequestContexts contexts, CsrfTokens csrfTokens) {
        this.engine = engine;
        this.renderer = renderer;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
    }

    @GET
    @Path("{route: .*}")
    public Response get() {
        return route();
    }

    @POST
    @Path("{route: .*}")
    public Response post() {
        return route();
    }

    @PUT
    @Path("{route: .*}")
    public Response put() {
        return route();
    }

    @PATCH
    @Path("{route: .*}")
    public Response patch() {
        return route();
    }

    @DELETE
    @Path("{route: .*}")
    public Response delete() {
        return route();
    }

    private Response route() {
        ContainerRequestContext request = CurrentRequestManager.get().getContainerRequestContext();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        RouteMatch match = decoded(engine.matchRoute(request.getMethod(), path).orElseThrow(NotFoundException::new));
        SxRequestContext context = contexts.of(request);
        int denied = deniedStatus(match.auth(), context.visitor());
        if (denied != 0) {
            return Response.status(denied).entity(ErrorViews.forStatus(denied)).build();
        }
        if (match.kind() == RouteMatch.Kind.HANDLER) {
            if (match.csrf() && !"GET".equals(request.getMethod()) && !csrfTokens.verified(request)) {
                return Response.status(403).entity(ErrorViews.forStatus(403)).build();
            }
            Map<String, String> args = arguments(request);
            return renderer.wire(context, 200, () -> engine.runHandler(match, args, context)).toResponse();
        }
        if (context.engineRequest()) {
            return renderer.wire(context, 200, () -> engine.aserPage(match, context)).toResponse();
        }
        return renderer.page(null, context, 200, () -> engine.renderPage(match, context)).toResponse();
    }

    // matched on the raw path so an encoded "/" stays inside its segment; parameters reach SX decoded
    private static RouteMatch decoded(RouteMatch match) {
        Map<String, String> params = new LinkedHashMap<>();
        match.params().forEach((name, value) -> params.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return new RouteMatch(match.kind(), match.name(), params, match.auth(), match.layout(), match.method(),
                match.csrf(), match.definition());
    }

    /** 0 when the visitor may use a route with this {@code :auth}, else 401 (sign in first) or 403. */
    static int deniedStatus(String auth, Visitor visitor) {
        String level = auth == null ? "public" : auth;
        return switch (level) {
            case "public" -> 0;
            case "member" -> visitor.signedIn() ? 0 : 401;
            case "admin", "post-author" -> !visitor.signedIn() ? 401 : visitor.admin() ? 0 : 403;
            default -> 403; // an unknown level grants nothing
        };
    }

    /** A handler's keyword arguments: query parameters, then form fields (which win). */
    private static Map<String, String> arguments(ContainerRequestContext request) {
        Map<String, String> args = new LinkedHashMap<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> putFirst(args, name, values));
        args.putAll(FormFields.all(request));
        args.remove(CsrfTokens.FORM_FIELD);
        return args;
    }

    private static void putFirst(Map<String, String> args, String name, List<String> values) {
        if (!values.isEmpty()) {
            args.put(name, values.get(0));
        }
    }
}
