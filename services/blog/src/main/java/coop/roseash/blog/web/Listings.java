package coop.roseash.blog.web;

import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.web.SxView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;


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
        return view(heading, intro, posts, basePath, emptyText,
                containers.cardsFor("post", posts.items().stream().map(PostSummary::id).toList()));
    }

    /** The same listing without its event cards (no fragment asked): the load benchmark's bare page. */
    public SxView withoutCards(String heading, String intro, Paged<PostSummary> posts, String basePath, String emptyText) {
        return view(heading, intro, posts, basePath, emptyText, Map.of());
    }

    private SxView view(String heading, String intro, Paged<PostSummary> posts, String basePath, String emptyText,
                        Map<String, String> cards) {
        return meta.forListing(SxView.page("~blog/listing", ViewArgs.of()
                .with("heading", heading)
                .with("intro", intro)
                .with("posts", posts.items())
                .with("cards", cards)
                .with("pager", Pager.of(posts, basePath, null))
                .with("empty-text", emptyText).map()), heading, basePath, posts.page());
    }
}
