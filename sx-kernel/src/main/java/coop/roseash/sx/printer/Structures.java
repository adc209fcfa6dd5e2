package coop.roseash.sx.printer;

import java.util.List;
import java.util.Map;

/** The item and entry loops shared by the SX printer, JSON and the wire renderer. */
public final class Structures {
    /** Writes one value. */
    @FunctionalInterface
    public interface Writer {
        void write(StringBuilder sb, Object v);
    }

    /** Writes one dict key. */
    @FunctionalInterface
    public interface KeyWriter {
        void write(StringBuilder sb, String key);
    }

    private Structures() {}

    /** Items separated by {@code sep}. */
    public static void items(StringBuilder sb, List<?> l, String sep, Writer w) {
        for (int i = 0, n = l.size(); i < n; i++) {
            if (i > 0) sb.append(sep);
            w.write(sb, l.get(i));
        }
    }

    /** Entries as key, {@code kv}, value, separated by {@code sep}. */
    public static void entries(StringBuilder sb, Map<?, ?> m, String kv, String sep, KeyWriter k, Writer w) {
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) sb.append(sep);
            first = false;
            k.write(sb, String.valueOf(e.getKey()));
            sb.append(kv);
            w.write(sb, e.getValue());
        }
    }
}
