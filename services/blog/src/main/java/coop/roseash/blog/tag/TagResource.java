package coop.roseash.blog.tag;

import coop.roseash.blog.feed.FeedLinks;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.blog.web.Listings;
import coop.roseash.blog.web.Pager;
import coop.roseash.blog.tag.TagView;
import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.tag.TagService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The posts with one tag, newest first, paged: {@code /tag/{slug}/}. */
@PublicRoute
@Path("/tag/{slug}")
public class TagResource {

    private final TagService tags;
    private final PostService posts;
    private final Listings listings;
    private final FeedLinks feeds;

    TagResource(TagService tags, PostService posts, Listings listings, FeedLinks feeds) {
        this.tags = tags;
        this.posts = posts;
        this.listings = listings;
        this.feeds = feeds;
    }

    @GET
    public SxView show(@PathParam("slug") String slug, @QueryParam("page") String page) {
        TagView tag = tags.bySlug(slug).orElseThrow(() -> new BlogNotFoundException("tag " + slug));
        return listings.view("Tagged \u201c" + tag.name() + "\u201d", tag.description(),
                posts.publishedWithTag(slug, Pager.pageNumber(page), Listings.PAGE_SIZE), "/tag/" + slug + "/",
                "No published posts carry this tag yet.").title(tag.name())
                .links(feeds.forTag(tag.slug(), tag.name()));
    }
}
