package coop.roseash.sx.render;

/** HTML escaping: text escapes {@code & < >}, attribute values also {@code "}. */
public final class Html {
    private Html() {}

    public static void escapeText(StringBuilder sb, String s) { escape(sb, s, false); }

    public static void escapeAttr(StringBuilder sb, String s) { escape(sb, s, true); }

    /** Appends unchanged runs in one call each; most strings need no escaping at all. */
    private static void escape(StringBuilder sb, String s, boolean quote) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            String rep;
            switch (s.charAt(i)) {
                case '&' -> rep = "&amp;";
                case '<' -> rep = "&lt;";
                case '>' -> rep = "&gt;";
                case '"' -> rep = quote ? "&quot;" : null;
                default -> rep = null;
            }
            if (rep != null) {
                sb.append(s, start, i).append(rep);
                start = i + 1;
            }
        }
        if (start == 0) sb.append(s);
        else sb.append(s, start, n);
    }
}
