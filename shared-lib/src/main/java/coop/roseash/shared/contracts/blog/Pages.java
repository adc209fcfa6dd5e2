package coop.roseash.shared.contracts.blog;

import java.util.Optional;

/**
 * Blog pages, read only, for the services that attach something to a page (a market, a calendar): is this a page,
 * and what is it called. Only blog writes pages.
 */
public interface Pages {

    /** The page with this id; empty for no such row or a post (only pages are containers). */
    Optional<PageRef> page(long id);

    /** The page with this slug; empty as for {@link #page(long)}. */
    Optional<PageRef> pageBySlug(String slug);
}
