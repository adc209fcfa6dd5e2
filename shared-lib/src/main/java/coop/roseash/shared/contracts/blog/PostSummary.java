package coop.roseash.shared.contracts.blog;

import java.time.Instant;
import java.util.List;

/** One item of a listing (home, tag, author, admin): no body. */
public record PostSummary(long id, String type, String status, String slug, String title, String excerpt,
                          String featureImage, AuthorRef author, List<TagRef> tags, Instant publishedAt,
                          Instant updatedAt) {
}
