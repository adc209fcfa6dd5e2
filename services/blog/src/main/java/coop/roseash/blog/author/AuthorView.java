package coop.roseash.blog.author;

/** An author's public profile. */
public record AuthorView(long id, String slug, String name, String bio, String profileImage, Long userId) {
}
