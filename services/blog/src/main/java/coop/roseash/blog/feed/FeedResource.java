package coop.roseash.blog.feed;

import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.tag.TagService;
import coop.roseash.blog.tag.TagView;
import coop.roseash.shared.config.ServiceUrls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/**
 * The newest posts as RSS 2.0 ({@code /feed/rss.xml}) and Atom ({@code /feed/atom.xml}), and one tag's newest
 * posts ({@code /feed/tag/{slug}/rss.xml}, {@code .../atom.xml}). Pages announce them with {@link FeedLinks}.
 */
@PublicRoute
@Path("/feed")
public class FeedResource {

    static final int ITEMS = 20;
    static final String SITE_TITLE = "Rose Ash";
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";

    private final PostService posts;
    private final TagService tags;
    private final ServiceUrls urls;

    FeedResource(PostService posts, TagService tags, ServiceUrls urls) {
        this.posts = posts;
        this.tags = tags;
        this.urls = urls;
    }

    @GET
    @Path("rss.xml")
    @Produces(RSS)
    public String rss() {
        return siteWriter().rss(posts.latestForFeed(ITEMS));
    }

    @GET
    @Path("atom.xml")
    @Produces(ATOM)
    public String atom() {
        return siteWriter().atom(posts.latestForFeed(ITEMS));
    }

    @GET
    @Path("tag/{slug}/rss.xml")
    @Produces(RSS)
    public String tagRss(@PathParam("slug") String slug) {
        TagView tag = tag(slug);
        return tagWriter(tag).rss(posts.latestForFeedWithTag(tag.slug(), ITEMS));
    }

    @GET
    @Path("tag/{slug}/atom.xml")
    @Produces(ATOM)
    public String tagAtom(@PathParam("slug") String slug) {
        TagView tag = tag(slug);
        return tagWriter(tag).atom(posts.latestForFeedWithTag(tag.slug(), ITEMS));
    }

    private TagView tag(String slug) {
        return tags.bySlug(slug).orElseThrow(() -> new BlogNotFoundException("tag " + slug));
    }

    private FeedWriter siteWriter() {
        return new FeedWriter(SITE_TITLE, urls.publicUrl("blog"));
    }

    private FeedWriter tagWriter(TagView tag) {
        return new FeedWriter(SITE_TITLE + ": " + tag.name(), urls.publicUrl("blog"), FeedLinks.tagFeedPath(tag.slug()),
                "/tag/" + tag.slug() + "/");
    }
}
