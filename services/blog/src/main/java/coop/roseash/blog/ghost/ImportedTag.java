package coop.roseash.blog.ghost;

/** A tag as read from another system (Ghost), keyed by its id there. */
public record ImportedTag(String externalId, String name, String slug, String description) {
}
