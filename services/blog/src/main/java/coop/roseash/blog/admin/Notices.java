package coop.roseash.blog.admin;

import java.util.Map;

/**
 * The fixed messages shown after an admin action (the redirect carries {@code ?done=key}), so no text
 * from the URL is ever echoed into a page.
 */
public final class Notices {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("saved", "Saved."),
            Map.entry("created", "Created as a draft."),
            Map.entry("published", "Published."),
            Map.entry("unpublished", "Unpublished: it is a draft again."),
            Map.entry("deleted", "Deleted."),
            Map.entry("cleared", "The cache was cleared."),
            Map.entry("added", "Added."),
            Map.entry("moved", "Moved."),
            Map.entry("removed", "Removed."));

    private Notices() {
    }

    /** The message for {@code key}, or null for none or an unknown key. */
    public static String of(String key) {
        return key == null ? null : TEXT.get(key);
    }

    /** A local path with {@code ?done=key}. */
    public static String after(String path, String key) {
        return path + (path.contains("?") ? "&" : "?") + "done=" + key;
    }
}
