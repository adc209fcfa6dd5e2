package coop.roseash.shared.web.csrf;

import coop.roseash.shared.web.ErrorViews;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

/**
 * Verifies the CSRF token on state-changing requests (anything but GET, HEAD, OPTIONS) from browsers, and sets the
 * token cookie when a page issued a new one.
 *
 * <p>Which requests are checked: a browser always marks its requests with {@code Origin} (every cross-origin POST,
 * and same-origin POSTs in current browsers) or {@code Sec-Fetch-Site}, and a forged request can only come through a
 * victim's browser; requests with neither (OIDC clients calling the token endpoint, webhooks, back-channel logout,
 * tests standing in for them) are not browser requests. JSON bodies are not checked either: a browser cannot send
 * them cross-site without a CORS preflight, which these services never grant. Endpoints that browsers post to from
 * elsewhere on purpose opt out with {@link CsrfExempt}.
 */
public class CsrfProtection {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;

    CsrfProtection(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response verify(ContainerRequestContext request, ResourceInfo resource) {
        if (SAFE_METHODS.contains(request.getMethod()) || !fromBrowser(request) || isJson(request.getMediaType())
                || exempt(resource)) {
            return null;
        }
        if (tokens.verified(request)) {
            return null;
        }
        return forbidden();
    }

    // response filters run in descending priority: this one after SxViewResponseFilter rendered the page's token
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void issueCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CsrfTokens.ISSUED) instanceof String token) {
            boolean https = "https".equals(request.getUriInfo().getRequestUri().getScheme());
            // written by hand: NewCookie adds the obsolete "Version=1" attribute
            response.getHeaders().add("Set-Cookie", CsrfTokens.COOKIE + "=" + token
                    + "; Path=/; HttpOnly; SameSite=Lax" + (https ? "; Secure" : ""));
        }
    }

    /** The 403 page for a request without a valid token. */
    public static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).entity(ErrorViews.forStatus(403)).build();
    }

    /** Whether a browser sent the request (see the class comment). */
    public static boolean fromBrowser(ContainerRequestContext request) {
        return request.getHeaderString("Origin") != null || request.getHeaderString("Sec-Fetch-Site") != null;
    }

    private static boolean exempt(ResourceInfo resource) {
        return resource != null
                && (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(CsrfExempt.class)
                        || resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(CsrfExempt.class));
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
                && "application".equals(type.getType());
    }
}
