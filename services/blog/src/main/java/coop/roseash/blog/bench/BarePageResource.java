package coop.roseash.blog.bench;

import coop.roseash.blog.home.HomeResource;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.web.Listings;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The load benchmark's baseline (services/blog/bench/compare.sh): the blog home's first page, the same posts in
 * the same layout, but without a fragment: no site header ({@link BarePageGuard}) and no event cards. The home
 * against this is what composing costs. Served only with {@code roseash.blog.bench.bare-page=true}; a 404 otherwise.
 */
@PublicRoute
@Path(BarePageResource.PATH)
public class BarePageResource {

    static final String PATH = "/bench/bare";

    private final PostService posts;
    private final Listings listings;

    BarePageResource(PostService posts, Listings listings) {
        this.posts = posts;
        this.listings = listings;
    }

    @GET
    public SxView bare() {
        return listings.withoutCards(HomeResource.HEADING, HomeResource.INTRO,
                posts.published("post", 1, Listings.PAGE_SIZE), "/", "Nothing has been published yet.").title("Blog");
    }
}
