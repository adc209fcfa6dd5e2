package coop.roseash.shared.auth;

/** Where to go after signing in or out: only a path on this host (no open redirect). */
public final class ReturnTo {
    private ReturnTo() {
    }

    /** Cookie-safe form (a cookie value cannot hold every character a path and query can). */
    static String encode(String path) {
        return java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        try {
            return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    public static String safe(String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//") || url.contains("\\")
                || url.chars().anyMatch(c -> c < 0x21 || c == ';' || c == ',') || url.length() > 2000) {
            return "/";
        }
        return url;
    }
}
