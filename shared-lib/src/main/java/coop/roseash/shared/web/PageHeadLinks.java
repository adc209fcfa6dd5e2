package coop.roseash.shared.web;

import java.util.List;

/**
 * Head links a service puts on every full page it serves (blog: its feeds, so a feed reader given any blog page
 * finds them). A CDI bean implementing this is picked up by the page renderer; a page's own links come after.
 */
public interface PageHeadLinks {

    List<HeadLink> onEveryPage();
}
