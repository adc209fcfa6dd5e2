package coop.roseash.market.web;

/** Paths a form may ask to be sent back to after it is done (post/redirect/get): this service's, under one prefix. */
public final class LocalPaths {

    private static final int MAX_LENGTH = 2000;

    private LocalPaths() {
    }

    /**
     * {@code wanted} when it is a path on this service under {@code prefix} (e.g. "/market/"), else {@code fallback}:
     * a form's hidden field is not trusted to name another site (an open redirect) or another part of this one.
     */
    public static String under(String prefix, String wanted, String fallback) {
        if (wanted == null || wanted.length() > MAX_LENGTH || !wanted.startsWith(prefix) || wanted.contains("//")
                || wanted.contains("\\") || wanted.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return fallback;
        }
        return wanted;
    }

    /** {@code path} with {@code name=value} added to its query. */
    public static String withParam(String path, String name, String value) {
        int hash = path.indexOf('#');
        String base = hash < 0 ? path : path.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
