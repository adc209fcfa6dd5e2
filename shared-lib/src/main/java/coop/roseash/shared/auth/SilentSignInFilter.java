package coop.roseash.shared.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.List;

/**
 * Silent sign-in (docs/spec/platform.md §4): on an anonymous visitor's first page navigation in a browser
 * session, one {@code prompt=none} round trip to federation signs a member in without a click, or
 * brings back the anonymous device id. Only real page navigations qualify ({@code Sec-Fetch-Mode:
 * navigate}, a GET that accepts HTML, not an engine request): never feeds, fragments or API calls.
 */
public class SilentSignInFilter {
    private static final List<String> SKIPPED_PREFIXES = List.of("/auth/", "/internal/", "/q/", "/static/", "/oauth/",
            "/.well-known/");

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean ssoEnabled;

    @ServerRequestFilter
    public Response maybeRoundTrip(ContainerRequestContext request) {
        if (!ssoEnabled || !"GET".equals(request.getMethod())
                || !"navigate".equals(request.getHeaderString("Sec-Fetch-Mode"))
                || request.getHeaderString("SX-Request") != null
                || request.getCookies().containsKey(DeviceCookies.CHECKED)) {
            return null;
        }
        String accept = request.getHeaderString("Accept");
        String path = request.getUriInfo().getPath();
        if (accept == null || !accept.contains("text/html") || !identity.isAnonymous()
                || SKIPPED_PREFIXES.stream().anyMatch(path::startsWith) || path.endsWith(".xml") || path.endsWith(".rss")) {
            return null;
        }
        String returnTo = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? "" : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        boolean secure = "https".equals(request.getUriInfo().getRequestUri().getScheme());
        return Response.seeOther(URI.create("/auth/silent"))
                .cookie(DeviceCookies.cookie(DeviceCookies.CHECKED, "1", -1, secure))
                .cookie(DeviceCookies.cookie(DeviceCookies.RETURN_TO, ReturnTo.encode(ReturnTo.safe(returnTo)), 600, secure))
                .header("Cache-Control", "no-store")
                .build();
    }
}
