package coop.roseash.shared.contracts.blog;

/** A tag as shown next to a post: its name and the slug of its listing. */
public record TagRef(String slug, String name) {
}
