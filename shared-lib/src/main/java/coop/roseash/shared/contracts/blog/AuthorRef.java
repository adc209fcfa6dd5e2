package coop.roseash.shared.contracts.blog;

/** An author as shown next to a post: name and the slug of their listing. */
public record AuthorRef(long id, String slug, String name) {
}
