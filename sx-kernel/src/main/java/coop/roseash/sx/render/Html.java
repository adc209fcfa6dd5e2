package coop.roseash.sx.render;

/** HTML escaping: text escapes {@code & < >}, attribute values also {@code "}. */
public final class Html {
    private Html() {}

    public static void escapeText(StringBuilder sb, String s) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
            if (rep != null) {
                sb.append(s, start, i).append(rep);
                start = i + 1;
            }
        }
        sb.append(s, start, n);
    }

    public static void escapeAttr(StringBuilder sb, String s) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : null;
            if (rep != null) {
                sb.append(s, start, i).append(rep);
                start = i + 1;
            }
        }
        sb.append(s, start, n);
    }
}
