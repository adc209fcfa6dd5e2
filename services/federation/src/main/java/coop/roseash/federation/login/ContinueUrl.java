package coop.roseash.federation.login;

import java.net.URI;

/** Where to send the member after signing in: only a path on federation itself (no open redirect). */
public final class ContinueUrl {
    private ContinueUrl() {
    }

    public static String safe(String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//") || url.contains("\\")
                || url.chars().anyMatch(c -> c < 0x20) || url.length() > 4000 || !wellFormed(url)) {
            return "/";
        }
        return url;
    }

    /** Whether {@code url} is an address a redirect can carry (no spaces, no broken percent escapes); null is none. */
    public static boolean wellFormed(String url) {
        try {
            return url == null || URI.create(url) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
