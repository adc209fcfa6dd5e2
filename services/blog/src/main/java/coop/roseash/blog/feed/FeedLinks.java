package coop.roseash.blog.feed;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.web.HeadLink;
import coop.roseash.shared.web.PageHeadLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Feed autodiscovery: every blog page's head names the site's RSS and Atom feeds, so a feed reader given any blog
 * URL finds them; a tag's page adds the tag's own feeds ({@link #forTag}).
 */
@ApplicationScoped
public class FeedLinks implements PageHeadLinks {

    private final ServiceUrls urls;

    FeedLinks(ServiceUrls urls) {
        this.urls = urls;
    }

    @Override
    public List<HeadLink> onEveryPage() {
        return feeds(FeedResource.SITE_TITLE, "/feed");
    }

    /** The feeds of one tag, for its listing page. */
    public List<HeadLink> forTag(String slug, String name) {
        return feeds(FeedResource.SITE_TITLE + ": " + name, tagFeedPath(slug));
    }

    static String tagFeedPath(String slug) {
        return "/feed/tag/" + slug;
    }

    private List<HeadLink> feeds(String title, String path) {
        String base = urls.publicUrl("blog") + path;
        return List.of(HeadLink.alternate("application/rss+xml", title + " (RSS)", base + "/rss.xml"),
                HeadLink.alternate("application/atom+xml", title + " (Atom)", base + "/atom.xml"));
    }
}
