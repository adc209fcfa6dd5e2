package coop.roseash.blog.web;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.web.HeadMeta;
import coop.roseash.shared.web.SxView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Canonical URLs and Open Graph tags for the blog's public pages, on the blog's public base URL. */
@ApplicationScoped
public class PageMeta {

    static final String SITE_NAME = "Rose Ash";

    private final ServiceUrls urls;

    PageMeta(ServiceUrls urls) {
        this.urls = urls;
    }

    /** The absolute public URL of a local path. */
    public String absolute(String path) {
        return urls.publicUrl("blog") + path;
    }

    /** A post or page: canonical URL and its Open Graph card (title, excerpt, image). */
    public SxView forPost(SxView view, PostView post) {
        String url = absolute("/" + post.slug() + "/");
        List<HeadMeta> meta = new ArrayList<>();
        meta.add(HeadMeta.property("og:site_name", SITE_NAME));
        meta.add(HeadMeta.property("og:type", "post".equals(post.type()) ? "article" : "website"));
        meta.add(HeadMeta.property("og:title", post.title()));
        meta.add(HeadMeta.property("og:url", url));
        if (post.excerpt() != null && !post.excerpt().isBlank()) {
            meta.add(HeadMeta.property("og:description", post.excerpt()));
            meta.add(HeadMeta.name("description", post.excerpt()));
        }
        if (post.featureImage() != null) {
            meta.add(HeadMeta.property("og:image", post.featureImage()));
        }
        if (post.publishedAt() != null && "post".equals(post.type())) {
            meta.add(HeadMeta.property("article:published_time", post.publishedAt().toString()));
        }
        return view.canonical(url).meta(meta);
    }

    /** A listing page: canonical URL (page 1 without the page parameter) and a minimal card. */
    public SxView forListing(SxView view, String title, String path, int page) {
        String url = absolute(page > 1 ? path + (path.contains("?") ? "&" : "?") + "page=" + page : path);
        return view.canonical(url).meta(List.of(HeadMeta.property("og:site_name", SITE_NAME),
                HeadMeta.property("og:type", "website"), HeadMeta.property("og:title", title),
                HeadMeta.property("og:url", url)));
    }
}
