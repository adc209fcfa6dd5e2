package coop.roseash.blog.home;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.blog.web.Listings;
import coop.roseash.blog.web.Pager;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** The blog's home: the published posts, newest first, paged, each with its event cards. */
@PublicRoute
@Path("/")
public class HomeResource {

    public static final String HEADING = "News from Rose Ash";
    public static final String INTRO = "Stories, notices and events from the cooperative and its members.";

    private final PostService posts;
    private final Listings listings;

    HomeResource(PostService posts, Listings listings) {
        this.posts = posts;
        this.listings = listings;
    }

    @GET
    public SxView home(@QueryParam("page") String page) {
        return listings.view(HEADING, INTRO, posts.published("post", Pager.pageNumber(page), Listings.PAGE_SIZE), "/",
                "Nothing has been published yet.").title("Blog");
    }
}
