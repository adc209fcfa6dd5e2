package coop.roseash.blog.snippet;

/** A reusable block of sanitized rich text, referenced by slug. */
public record SnippetView(long id, String name, String slug, String html) {
}
