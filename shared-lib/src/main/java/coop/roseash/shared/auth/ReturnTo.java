package coop.roseash.shared.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to go after signing in or out: only a path on this host (no open redirect). Also federation's
 * {@code continue} ({@code coop.roseash.federation.login.ContinueUrl}).
 */
public final class ReturnTo {
    static final int MAX_LENGTH = 2000;

    private ReturnTo() {
    }

    /** Cookie-safe form (a cookie value cannot hold every character a path and query can). */
    static String encode(String path) {
        return java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    public static String safe(String url) {
        return safe(url, MAX_LENGTH);
    }

    /** {@code url} when it is a path on this host no longer than {@code maxLength}, else the home page. */
    public static String safe(String url, int maxLength) {
        return url != null && url.length() <= maxLength && isLocalPath(url) ? url : "/";
    }

    private static boolean isLocalPath(String url) {
        if (!url.startsWith("/") || url.startsWith("//") || url.chars().anyMatch(ReturnTo::refused)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url); // a path (it starts with one slash), unless malformed
        } catch (URISyntaxException e) {
            return false; // also what Response.seeOther could not take: a 500
        }
        // a hop that decodes the path once or twice (a proxy, a framework) must still see a path on this host
        String path = uri.getRawPath();
        for (int i = 0; i < 2; i++) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (path.startsWith("//") || path.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Backslashes (browsers read them as slashes), whitespace and control characters (browsers drop tabs and
     * line breaks, so {@code /\t/evil} becomes {@code //evil}); {@code ;} and {@code ,} for the cookie form.
     */
    private static boolean refused(int c) {
        return c == '\\' || c == ';' || c == ',' || c <= 0x20 || Character.isISOControl(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }
}
