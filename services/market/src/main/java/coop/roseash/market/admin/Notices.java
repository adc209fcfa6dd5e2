package coop.roseash.market.admin;

import java.util.Map;

/**
 * The fixed messages shown after an admin action (the redirect carries {@code ?done=key}), so no text from the
 * address is ever echoed into a page.
 */
final class Notices {

    private static final Map<String, String> TEXT = Map.of(
            "created", "Created.",
            "saved", "Saved.",
            "withdrawn", "Withdrawn: it is hidden from the market and cannot be bought. Its page says so.",
            "offered", "On sale again.");

    private Notices() {
    }

    /** The message for {@code key}, or null for none or an unknown key. */
    static String of(String key) {
        return key == null ? null : TEXT.get(key);
    }

    /** A local path with {@code ?done=key}. */
    static String after(String path, String key) {
        return path + (path.contains("?") ? "&" : "?") + "done=" + key;
    }
}
