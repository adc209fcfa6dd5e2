package coop.roseash.sx.value;

import java.util.List;
import java.util.Map;

/** SX {@code =}: numbers numerically, lists and dicts deeply, everything else by value or identity. */
public final class Equality {
    private Equality() {}

    public static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Long && y instanceof Long) return x.longValue() == y.longValue();
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            int n = x.size();
            if (n != y.size()) return false;
            for (int i = 0; i < n; i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object other = y.get(e.getKey());
                if ((other == null && !y.containsKey(e.getKey())) || !equal(e.getValue(), other)) return false;
            }
            return true;
        }
        if (a instanceof String || a instanceof Boolean || a instanceof RawHtml || a instanceof WireNode) return a.equals(b);
        return false;
    }

    /** Only false and nil are falsy. */
    public static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE && !(v instanceof Boolean b && !b);
    }
}
