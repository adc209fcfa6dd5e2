package coop.roseash.shared.fragments;

/** One fragment as a consumer asks for it: which service provides it, its type and its context parameters. */
public record FragmentKey(String provider, String type, FragmentParams params) {

    static final String CACHE_PREFIX = "fragment:";

    public FragmentKey {
        requireName("provider", provider);
        if (type == null || !type.matches("[a-z0-9][a-z0-9-]*(/[A-Za-z0-9_-]+)?")) {
            throw new IllegalArgumentException("bad fragment type '" + type + "' (expected e.g. nav-tree or account-page/tickets)");
        }
        params = params == null ? FragmentParams.NONE : params;
    }

    /** The Redis key: {@code fragment:PROVIDER:TYPE:SORTED-QUERY}. */
    public String cacheKey() {
        return typePrefix(provider, type) + params.canonicalQuery();
    }

    /** The path on the provider, e.g. {@code /internal/fragments/nav-tree}. */
    public String path() {
        return "/internal/fragments/" + type;
    }

    static String typePrefix(String provider, String type) {
        return CACHE_PREFIX + provider + ":" + type + ":";
    }

    static void requireName(String what, String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad fragment " + what + " '" + name + "'");
        }
    }
}
