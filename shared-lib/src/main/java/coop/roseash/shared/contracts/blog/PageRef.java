package coop.roseash.shared.contracts.blog;

/**
 * A blog page as another service names it: its id (the container id), where it lives on the blog and its title.
 *
 * @param published whether visitors can see it; a draft page's link would answer 404
 */
public record PageRef(long id, String slug, String title, boolean published) {
}
