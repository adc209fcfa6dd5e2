package coop.roseash.shared.contracts.blog;

import java.time.Instant;
import java.util.List;

/** A whole post or page: {@code html} is already sanitized rich text; {@code version} is the optimistic-lock token. */
public record PostView(long id, String type, String status, String slug, String title, String html, String excerpt,
                       String featureImage, AuthorRef author, List<TagRef> tags, Instant publishedAt,
                       Instant updatedAt, int version) {

    public boolean published() {
        return "published".equals(status);
    }
}
