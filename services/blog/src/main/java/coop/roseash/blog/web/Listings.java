package coop.roseash.blog.web;

import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.web.SxView;
import jakarta.enterprise.context.ApplicationScoped;


/** Builds the {@code ~blog/listing} view shared by the home, tag and author pages, with each post's event cards. */
@ApplicationScoped
public class Listings {

    public static final int PAGE_SIZE = 10;

    private final ContainerCards containers;
    private final PageMeta meta;

    Listings(ContainerCards containers, PageMeta meta) {
        this.containers = containers;
        this.meta = meta;
    }

    public SxView view(String heading, String intro, Paged<PostSummary> posts, String basePath, String emptyText) {
        return meta.forListing(SxView.page("~blog/listing", ViewArgs.of()
                .with("heading", heading)
                .with("intro", intro)
                .with("posts", posts.items())
                .with("cards", containers.cardsFor("post", posts.items().stream().map(PostSummary::id).toList()))
                .with("pager", Pager.of(posts, basePath, null))
                .with("empty-text", emptyText).map()), heading, basePath, posts.page());
    }
}
