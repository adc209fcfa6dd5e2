package coop.roseash.shared.web;

/**
 * One {@code <meta>} of a page's head: Open Graph and similar tags use {@code property}, others {@code name}.
 * The layout renders it escaped, like any attribute.
 */
public record HeadMeta(String property, String name, String content) {

    public static HeadMeta property(String property, String content) {
        return new HeadMeta(property, null, content);
    }

    public static HeadMeta name(String name, String content) {
        return new HeadMeta(null, name, content);
    }
}
