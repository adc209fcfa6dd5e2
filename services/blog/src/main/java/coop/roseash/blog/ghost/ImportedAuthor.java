package coop.roseash.blog.ghost;

/** An author as read from another system (Ghost); {@code email} (Admin API only) links them to a member. */
public record ImportedAuthor(String externalId, String name, String slug, String email, String bio,
                             String profileImage) {
}
