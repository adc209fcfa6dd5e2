package coop.roseash.blog.ghost;

import java.time.Instant;
import java.util.List;

/**
 * A post or page as read from another system (Ghost), keyed by its id there. {@code html} is untrusted;
 * {@code published} false means a draft. {@code author} may be null.
 */
public record ImportedPost(String externalId, String type, String title, String slug, String html, String excerpt,
                           String featureImage, boolean published, Instant publishedAt, List<ImportedTag> tags,
                           ImportedAuthor author) {
}
