package coop.roseash.sx.primitives;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Symbol;
import java.util.List;
import java.util.Map;

/** Argument coercion shared by the primitive groups, with errors that name the primitive. */
final class Args {
    private Args() {}

    static Primitive def(String name, int min, int max, Primitive.Body body) {
        Primitive p = new Primitive(name, min, max, body);
        Symbol.of(name).primitive = p;
        return p;
    }

    static SxException type(String fn, String expected, Object got) {
        return new SxException(fn + " expects " + expected + ", got " + Printer.print(got));
    }

    static boolean isInt(Object o) { return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte; }

    static Number num(String fn, Object o) {
        if (o instanceof Number n) return n;
        throw type(fn, "a number", o);
    }

    static double dbl(String fn, Object o) { return num(fn, o).doubleValue(); }

    static long lng(String fn, Object o) {
        if (isInt(o)) return ((Number) o).longValue();
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e18) return d.longValue();
        throw type(fn, "an integer", o);
    }

    static int idx(String fn, Object o) {
        long v = lng(fn, o);
        if (v > Integer.MAX_VALUE) return Integer.MAX_VALUE;
        if (v < Integer.MIN_VALUE) return Integer.MIN_VALUE;
        return (int) v;
    }

    static String str(String fn, Object o) {
        if (o instanceof String s) return s;
        if (o instanceof Keyword k) return k.name;
        throw type(fn, "a string", o);
    }

    /** Lists; nil counts as the empty list. */
    static List<?> list(String fn, Object o) {
        if (o instanceof List<?> l) return l;
        if (o == null) return List.of();
        throw type(fn, "a list", o);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dict(String fn, Object o) {
        if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (o == null) return Map.of();
        throw type(fn, "a dict", o);
    }

    /** A dict key: strings, keywords (by name) and numbers (printed). */
    static String key(String fn, Object o) {
        if (o instanceof String s) return s;
        if (o instanceof Keyword k) return k.name;
        if (o instanceof Number) return Printer.print(o);
        throw type(fn, "a string key", o);
    }
}
