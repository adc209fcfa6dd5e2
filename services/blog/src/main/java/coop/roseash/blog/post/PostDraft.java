package coop.roseash.blog.post;

import java.util.List;

/**
 * What an editor submits for a post or page. {@code html} is untrusted and sanitized on save;
 * a blank {@code slug} is derived from the title; {@code tags} are tag names, created when new.
 */
public record PostDraft(String type, String title, String slug, String html, String excerpt, String featureImage,
                        List<String> tags, Long authorId) {
}
