package coop.roseash.federation.login;

/** Where to send the member after signing in: only a path on federation itself (no open redirect). */
public final class ContinueUrl {
    private ContinueUrl() {
    }

    public static String safe(String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//") || url.contains("\\")
                || url.chars().anyMatch(c -> c < 0x20) || url.length() > 4000) {
            return "/";
        }
        return url;
    }
}
