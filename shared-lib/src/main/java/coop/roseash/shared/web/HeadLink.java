package coop.roseash.shared.web;

/**
 * One {@code <link>} of a page's head beyond the stylesheet and canonical URL, e.g. a feed for autodiscovery:
 * {@code HeadLink.alternate("application/rss+xml", "Rose Ash (RSS)", url)}. Rendered escaped, like any attribute.
 */
public record HeadLink(String rel, String type, String title, String href) {

    /** An alternate representation of the page or site, e.g. its RSS or Atom feed. */
    public static HeadLink alternate(String type, String title, String href) {
        return new HeadLink("alternate", type, title, href);
    }
}
