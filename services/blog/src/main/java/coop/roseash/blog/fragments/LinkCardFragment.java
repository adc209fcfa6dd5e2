package coop.roseash.blog.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.sx.SxEngine;
import coop.roseash.blog.post.PostService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * {@code link-card}: a card linking to a published blog post or page (title, excerpt, image), for other
 * services' pages. Parameters: {@code slug}, or {@code container_id} (the post's id); {@code variant}
 * {@code compact} leaves out the excerpt and image. An unknown or unpublished item renders nothing.
 */
@ApplicationScoped
public class LinkCardFragment implements FragmentProvider {

    private final PostService posts;
    private final ServiceUrls urls;
    private final SxEngine sx;

    LinkCardFragment(PostService posts, ServiceUrls urls, SxEngine sx) {
        this.posts = posts;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.LINK_CARD;
    }

    @Override
    public String render(FragmentParams params) {
        Optional<PostView> post = find(params);
        if (post.isEmpty()) {
            return "";
        }
        PostView p = post.get();
        return sx.renderComponent("~blog/fragments/link-card", ViewArgs.of()
                .with("href", urls.publicUrl("blog") + "/" + p.slug() + "/")
                .with("title", p.title())
                .with("excerpt", p.excerpt())
                .with("image", p.featureImage())
                .with("compact", "compact".equals(params.get("variant"))).map(), null);
    }

    private Optional<PostView> find(FragmentParams params) {
        String slug = params.get("slug");
        if (slug != null && !slug.isBlank()) {
            return posts.publishedBySlug(slug.strip());
        }
        String id = params.get("container_id");
        if (id == null || !id.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return posts.byId(Long.parseLong(id.strip())).filter(PostView::published);
    }
}
