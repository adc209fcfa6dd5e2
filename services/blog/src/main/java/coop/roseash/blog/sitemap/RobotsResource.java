package coop.roseash.blog.sitemap;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code /robots.txt}: crawlers may read everything public and are pointed at the sitemap; the admin pages, the
 * sign-in round trip and the search results (endless query URLs) are left out.
 */
@Path("/robots.txt")
@PublicRoute
public class RobotsResource {

    private final ServiceUrls urls;

    RobotsResource(ServiceUrls urls) {
        this.urls = urls;
    }

    @GET
    @Produces("text/plain; charset=utf-8")
    public String robots() {
        return """
                User-agent: *
                Disallow: /admin/
                Disallow: /auth/
                Disallow: /search
                Sitemap: %s/sitemap.xml
                """.formatted(urls.publicUrl("blog"));
    }
}
