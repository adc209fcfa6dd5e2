package coop.roseash.sx.printer;

import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.Symbol;
import coop.roseash.sx.value.WireNode;
import java.util.List;
import java.util.Map;

/** {@code serialize}: writes any value as SX source that reads back to an equal value. */
public final class Printer {
    private Printer() {}

    public static String print(Object v) {
        StringBuilder sb = new StringBuilder();
        print(sb, v);
        return sb.toString();
    }

    /** The form {@code str} uses: strings as they are, nil as nothing, everything else printed. */
    public static String display(Object v) {
        if (v instanceof String s) return s;
        if (v == null) return "";
        if (v instanceof Keyword k) return k.name;
        return print(v);
    }

    public static void print(StringBuilder sb, Object v) {
        if (v == null) sb.append("nil");
        else if (v instanceof String s) string(sb, s);
        else if (v instanceof Number) NumberFormat.append(sb, v);
        else if (v instanceof Boolean b) sb.append(b.booleanValue());
        else if (v instanceof Symbol s) sb.append(s.name);
        else if (v instanceof Keyword k) sb.append(':').append(k.name);
        else if (v instanceof List<?> l) {
            sb.append('(');
            Structures.items(sb, l, " ", Printer::print);
            sb.append(')');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Structures.entries(sb, m, " ", " ", Printer::key, Printer::print);
            sb.append('}');
        } else if (v instanceof RawHtml r) {
            sb.append("(raw! ");
            string(sb, r.html());
            sb.append(')');
        } else if (v instanceof WireNode w) sb.append(w.source());
        else if (v instanceof Lambda l) sb.append("<lambda ").append(l.name).append('>');
        else if (v instanceof Macro m) sb.append("<macro ").append(m.name()).append('>');
        else if (v instanceof Component c) sb.append(c.isIsland() ? "<island " : "<component ").append(c.name).append('>');
        else sb.append('<').append(v).append('>');
    }

    /** A dict key: {@code :k} when keyword-shaped, else a string. */
    public static void key(StringBuilder sb, String k) {
        if (isKeywordName(k)) sb.append(':').append(k);
        else string(sb, k);
    }

    /** True if {@code :k} reads back as a keyword named k. */
    public static boolean isKeywordName(String k) {
        if (k.isEmpty()) return false;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean ok = c < 128
                    ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "+-*/<>=!?&~._%$:".indexOf(c) >= 0
                    : Character.isLetterOrDigit(c);
            if (!ok) return false;
        }
        return true;
    }

    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
