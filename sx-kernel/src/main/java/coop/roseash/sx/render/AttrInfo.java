package coop.roseash.sx.render;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.Keyword;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How one attribute name renders: dropped event handler, boolean, URL, or plain. Cached on the keyword. */
final class AttrInfo {
    enum Kind { EVENT, BOOLEAN, URL, SRCSET, PLAIN }

    private static final Set<String> BOOLEAN = Set.of("allowfullscreen", "async", "autofocus", "autoplay", "checked",
            "controls", "default", "defer", "disabled", "formnovalidate", "hidden", "inert", "ismap", "itemscope",
            "loop", "multiple", "muted", "nomodule", "novalidate", "open", "playsinline", "readonly", "required",
            "reversed", "selected");
    private static final Set<String> URL = Set.of("href", "src", "action", "formaction", "poster", "cite", "xlink:href");
    private static final Pattern VALID = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");

    final Kind kind;
    /** {@code " name"} ready to append. */
    final String prefix;
    final String name;

    private AttrInfo(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
        this.prefix = " " + name;
    }

    static AttrInfo of(Keyword k) {
        Object cached = k.attr;
        if (cached != null) return (AttrInfo) cached;
        AttrInfo a = classify(k.name);
        k.attr = a;
        return a;
    }

    private static AttrInfo classify(String name) {
        if (!VALID.matcher(name).matches()) throw new SxException("Invalid attribute name: " + name);
        String lower = name.toLowerCase(Locale.ROOT);
        Kind kind = lower.startsWith("on") ? Kind.EVENT
                : BOOLEAN.contains(lower) ? Kind.BOOLEAN
                : lower.equals("srcset") ? Kind.SRCSET
                : URL.contains(lower) ? Kind.URL
                : Kind.PLAIN;
        return new AttrInfo(name, kind);
    }

    static final String BLOCKED = "about:invalid#blocked";

    /** Relative URLs and http, https, mailto, tel pass; every other scheme is blocked. */
    static String safeUrl(String url) {
        // fast path: a plain relative URL or an allowed scheme written without odd characters
        for (int i = 0, n = url.length(); i < n; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') return url;
            if (c == ':') {
                boolean ok = i == 4 && schemeIs(url, "http") || i == 5 && schemeIs(url, "https")
                        || i == 6 && schemeIs(url, "mailto") || i == 3 && schemeIs(url, "tel");
                return ok ? url : slowSafeUrl(url);
            }
            if (c <= 0x20 || c == 0x7f) break;
        }
        return slowSafeUrl(url);
    }

    /** Case-insensitive prefix test for an all-letter lower-case scheme. */
    private static boolean schemeIs(String url, String scheme) {
        for (int k = 0; k < scheme.length(); k++) if ((url.charAt(k) | 0x20) != scheme.charAt(k)) return false;
        return true;
    }

    private static String slowSafeUrl(String url) {
        StringBuilder scheme = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7f) continue; // browsers ignore these inside a scheme
            if (c == ':') {
                String s = scheme.toString().toLowerCase(Locale.ROOT);
                return s.equals("http") || s.equals("https") || s.equals("mailto") || s.equals("tel") ? url : BLOCKED;
            }
            if (c == '/' || c == '?' || c == '#') return url;
            scheme.append(c);
        }
        return url;
    }

    static String safeSrcset(String srcset) {
        for (String candidate : srcset.split(",")) {
            String u = candidate.strip();
            int sp = u.indexOf(' ');
            if (safeUrl(sp < 0 ? u : u.substring(0, sp)) == BLOCKED) return BLOCKED;
        }
        return srcset;
    }
}
