package coop.roseash.shared.services.blog;

import coop.roseash.shared.contracts.blog.PageRef;
import coop.roseash.shared.contracts.blog.Pages;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostStatus;
import coop.roseash.shared.model.blog.PostType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** {@link Pages} over the blog's {@code posts} table (rows of type page). */
@ApplicationScoped
public class PageDirectory implements Pages {

    @Override
    @Transactional
    public Optional<PageRef> page(long id) {
        return Post.<Post>find("id = ?1 and type = ?2", id, PostType.PAGE).firstResultOptional().map(PageDirectory::ref);
    }

    @Override
    @Transactional
    public Optional<PageRef> pageBySlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return Post.<Post>find("slug = ?1 and type = ?2", slug.strip(), PostType.PAGE).firstResultOptional()
                .map(PageDirectory::ref);
    }

    private static PageRef ref(Post p) {
        return new PageRef(p.id, p.slug, p.title, p.status == PostStatus.PUBLISHED);
    }
}
