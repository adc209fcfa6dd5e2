package coop.roseash.events.web;

import java.util.Map;

/** Fixed messages after an action ({@code ?done=key}), so no text from the URL is echoed into a page. */
public final class Notices {

    private static final Map<String, String> TEXT = Map.of(
            "created", "Created.",
            "saved", "Saved.",
            "deleted", "Deleted.",
            "state", "The entry's state was changed.",
            "added", "Added to your cart.",
            "booking-in-cart", "The booking is in your cart: it is yours once you have paid for it there.",
            "reset", "Your feed has a new address; an old one no longer works.");

    private Notices() {
    }

    public static String of(String key) {
        return key == null ? null : TEXT.get(key);
    }

    public static String after(String path, String key) {
        return path + (path.contains("?") ? "&" : "?") + "done=" + key;
    }
}
