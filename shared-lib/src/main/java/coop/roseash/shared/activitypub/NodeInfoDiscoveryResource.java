package coop.roseash.shared.activitypub;

import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** {@code /.well-known/nodeinfo}: where this service's NodeInfo document is. */
@PublicRoute
@Path("/.well-known/nodeinfo")
public class NodeInfoDiscoveryResource {

    private final ActorUrls urls;

    NodeInfoDiscoveryResource(ActorUrls urls) {
        this.urls = urls;
    }

    @GET
    public Response discovery() {
        if (!urls.servedHere()) {
            throw new NotFoundException();
        }
        return Response.ok(Map.of("links", List.of(Map.of("rel", NodeInfoResource.NODEINFO_SCHEMA,
                "href", urls.base(urls.self()) + "/nodeinfo/2.1")))).type("application/json").build();
    }
}
