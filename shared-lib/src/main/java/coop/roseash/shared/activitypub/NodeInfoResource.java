package coop.roseash.shared.activitypub;

import coop.roseash.shared.web.access.PublicRoute;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** NodeInfo 2.1: what software this is, its protocols and usage. Announced by {@link NodeInfoDiscoveryResource}. */
@PublicRoute
@Path("/nodeinfo/2.1")
public class NodeInfoResource {

    static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1";

    private final ActorUrls urls;
    private final EntityManager em;

    NodeInfoResource(ActorUrls urls, EntityManager em) {
        this.urls = urls;
        this.em = em;
    }

    @GET
    public Response nodeinfo() {
        if (!urls.servedHere()) {
            throw new NotFoundException();
        }
        long members = count("SELECT count(*) FROM actor_profiles WHERE user_id IS NOT NULL");
        long posts = count("SELECT count(*) FROM ap_outbox WHERE activity_type = 'Create' AND public");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", "2.1");
        info.put("software", Map.of("name", "rose-ash", "version", "1.0.0", "homepage", urls.base("blog")));
        info.put("protocols", List.of("activitypub"));
        info.put("services", Map.of("inbound", List.of(), "outbound", List.of("atom1.0", "rss2.0")));
        info.put("openRegistrations", true);
        info.put("usage", Map.of("users", Map.of("total", members), "localPosts", posts));
        info.put("metadata", Map.of("nodeName", "Rose Ash", "service", urls.self()));
        return Response.ok(info).type("application/json; profile=\"" + NODEINFO_SCHEMA + "#\"").build();
    }

    private long count(String sql) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
