package coop.roseash.shared.contracts.blog;

/** A tag as read from another system (Ghost), keyed by its id there. */
public record ImportedTag(String externalId, String name, String slug, String description) {
}
