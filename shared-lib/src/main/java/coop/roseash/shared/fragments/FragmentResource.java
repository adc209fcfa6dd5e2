package coop.roseash.shared.fragments;

import coop.roseash.shared.web.access.InternalRoute;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The internal fragment endpoint of every service (docs/spec/platform.md section 3); {@link InternalRequestGuard} has
 * already checked the signature. A provider that throws yields 200 with an empty body.
 *
 * <ul>
 *   <li>{@code GET /internal/fragments/{type}?k=v...} ⇒ {@code text/html}, the fragment.</li>
 *   <li>{@code GET /internal/fragments/{family}/{slug}} ⇒ the same, with the slug passed as param {@code slug}.</li>
 *   <li>{@code GET /internal/fragments?type=a&type=b&k=v...} ⇒ {@code application/json}, an object from each type to
 *       its HTML; the other params go to every provider.</li>
 * </ul>
 */
@InternalRoute
@Path("/internal/fragments")
@Blocking
public class FragmentResource {

    private static final Logger LOG = Logger.getLogger(FragmentResource.class);

    private final FragmentProviders providers;

    public FragmentResource(FragmentProviders providers) {
        this.providers = providers;
    }

    @GET
    @Path("{type}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String fragment(@PathParam("type") String type, @Context UriInfo uri) {
        return render(provider(type), params(uri));
    }

    @GET
    @Path("{type}/{slug}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String fragmentWithSlug(@PathParam("type") String type, @PathParam("slug") String slug, @Context UriInfo uri) {
        Map<String, String> params = new TreeMap<>(params(uri).values());
        params.put("slug", slug);
        return render(provider(type), FragmentParams.of(params));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> batch(@QueryParam("type") List<String> types, @Context UriInfo uri) {
        if (types == null || types.isEmpty()) {
            throw new BadRequestException("name the fragments with type=...: /internal/fragments?type=nav-tree&type=...");
        }
        FragmentParams params = params(uri);
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String type : types) {
            bodies.put(type, render(provider(type), params));
        }
        return bodies;
    }

    private FragmentProvider provider(String type) {
        return providers.forType(type).orElseThrow(() -> new NotFoundException(
                "this service provides no fragment '" + type + "'; it provides " + providers.types()));
    }

    private static String render(FragmentProvider provider, FragmentParams params) {
        try {
            String html = provider.render(params);
            return html == null ? "" : html;
        } catch (RuntimeException e) {
            // a consumer never breaks because a provider did: empty fragment, but the cause is logged here
            LOG.errorf(e, "fragment %s failed for params %s; serving it empty", provider.type(), params.values());
            return "";
        }
    }

    /** Single-valued context params; {@code type} is the batch's selector, not a param. */
    private static FragmentParams params(UriInfo uri) {
        Map<String, String> params = new TreeMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("type") && !values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        return FragmentParams.of(params);
    }
}
