package coop.roseash.blog.tag;

/** A tag in admin and listings: group is null when ungrouped. */
public record TagView(long id, String name, String slug, String description, Long groupId, String groupName,
                      long postCount) {
}
