package coop.roseash.shared.contracts.blog;

/** An author's public profile. */
public record AuthorView(long id, String slug, String name, String bio, String profileImage, Long userId) {
}
