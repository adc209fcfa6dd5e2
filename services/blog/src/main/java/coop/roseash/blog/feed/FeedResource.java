package coop.roseash.blog.feed;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.blog.post.PostService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The newest posts as RSS 2.0 ({@code /feed/rss.xml}) and Atom ({@code /feed/atom.xml}). */
@PublicRoute
@Path("/feed")
public class FeedResource {

    static final int ITEMS = 20;
    static final String SITE_TITLE = "Rose Ash";

    private final PostService posts;
    private final ServiceUrls urls;

    FeedResource(PostService posts, ServiceUrls urls) {
        this.posts = posts;
        this.urls = urls;
    }

    @GET
    @Path("rss.xml")
    @Produces("application/rss+xml; charset=utf-8")
    public String rss() {
        return writer().rss(posts.latestForFeed(ITEMS));
    }

    @GET
    @Path("atom.xml")
    @Produces("application/atom+xml; charset=utf-8")
    public String atom() {
        return writer().atom(posts.latestForFeed(ITEMS));
    }

    private FeedWriter writer() {
        return new FeedWriter(SITE_TITLE, urls.publicUrl("blog"));
    }
}
