package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.dbl;
import static coop.roseash.sx.primitives.Args.def;
import static coop.roseash.sx.primitives.Args.isInt;
import static coop.roseash.sx.primitives.Args.num;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.Equality;

/** Arithmetic and comparison: integers stay integers, overflow and division by zero are errors. */
final class Arithmetic {
    private Arithmetic() {}

    private interface LongOp { long apply(long a, long b); }

    private interface DoubleOp { double apply(double a, double b); }

    private static Object fold(String fn, Object[] args, Object unit, LongOp lop, DoubleOp dop) {
        if (args.length == 0) return unit;
        Object acc = num(fn, args[0]);
        for (int i = 1; i < args.length; i++) acc = op(fn, acc, num(fn, args[i]), lop, dop);
        return acc;
    }

    private static Object op(String fn, Object a, Object b, LongOp lop, DoubleOp dop) {
        if (isInt(a) && isInt(b)) {
            try {
                return lop.apply(((Number) a).longValue(), ((Number) b).longValue());
            } catch (ArithmeticException e) {
                throw new SxException("Integer overflow in " + fn);
            }
        }
        return dop.apply(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    /** The common case of {@code (+ i 1)}, without the generic fold. */
    private static Object addLongs(long x, long y) {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) throw new SxException("Integer overflow in +");
        return r;
    }

    static Object divide(Object a, Object b) {
        num("/", a);
        num("/", b);
        if (((Number) b).doubleValue() == 0) throw new SxException("Division by zero");
        if (isInt(a) && isInt(b)) {
            long x = ((Number) a).longValue(), y = ((Number) b).longValue();
            if (x == Long.MIN_VALUE && y == -1) throw new SxException("Integer overflow in /");
            if (x % y == 0) return x / y;
        }
        return ((Number) a).doubleValue() / ((Number) b).doubleValue();
    }

    /** A double with an integral value becomes a Long (floor, ceil, round return integers). */
    static Object integral(double d, String fn) {
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) >= 9.2e18) throw new SxException(fn + ": result is not a finite integer");
        return (long) d;
    }

    static int compare(String fn, Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (isInt(x) && isInt(y)) return Long.compare(x.longValue(), y.longValue());
            double dx = x.doubleValue(), dy = y.doubleValue();
            return dx < dy ? -1 : dx > dy ? 1 : 0; // numeric order: -0.0 equals 0
        }
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        throw new SxException(fn + " expects two numbers or two strings, got " + coop.roseash.sx.printer.Printer.print(a)
                + " and " + coop.roseash.sx.printer.Printer.print(b));
    }

    private interface Cmp { boolean test(int c); }

    private static void comparison(String name, Cmp cmp) {
        def(name, 1, -1, (a, cx) -> {
            for (int i = 0; i + 1 < a.length; i++) if (!cmp.test(compare(name, a[i], a[i + 1]))) return false;
            return true;
        }).withTwo((x, y, cx) -> cmp.test(compare(name, x, y)));
    }

    static void install() {
        def("+", 0, -1, (a, cx) -> a.length == 2 && a[0] instanceof Long x && a[1] instanceof Long y
                ? addLongs(x, y) : fold("+", a, 0L, Math::addExact, Double::sum))
                .withTwo((x, y, cx) -> x instanceof Long i && y instanceof Long k
                        ? addLongs(i, k) : fold("+", new Object[] {x, y}, 0L, Math::addExact, Double::sum));
        def("*", 0, -1, (a, cx) -> fold("*", a, 1L, Math::multiplyExact, (x, y) -> x * y));
        def("-", 1, -1, (a, cx) -> a.length == 1
                ? op("-", 0L, num("-", a[0]), Math::subtractExact, (x, y) -> x - y)
                : fold("-", a, 0L, Math::subtractExact, (x, y) -> x - y));
        def("/", 1, -1, (a, cx) -> {
            if (a.length == 1) return divide(1L, a[0]);
            Object acc = a[0];
            for (int i = 1; i < a.length; i++) acc = divide(acc, a[i]);
            return acc;
        });
        def("mod", 2, 2, (a, cx) -> {
            Number x = num("mod", a[0]), y = num("mod", a[1]);
            if (y.doubleValue() == 0) throw new SxException("Division by zero");
            if (isInt(x) && isInt(y)) return Math.floorMod(x.longValue(), y.longValue());
            double r = x.doubleValue() - y.doubleValue() * Math.floor(x.doubleValue() / y.doubleValue());
            return r;
        });
        def("floor", 1, 1, (a, cx) -> isInt(a[0]) ? a[0] : integral(Math.floor(dbl("floor", a[0])), "floor"));
        def("ceil", 1, 1, (a, cx) -> isInt(a[0]) ? a[0] : integral(Math.ceil(dbl("ceil", a[0])), "ceil"));
        def("round", 1, 2, (a, cx) -> {
            if (a.length == 2) {
                double scale = Math.pow(10, Args.lng("round", a[1]));
                double x = dbl("round", a[0]) * scale;
                return Math.signum(x) * Math.floor(Math.abs(x) + 0.5) / scale;
            }
            if (isInt(a[0])) return a[0];
            double x = dbl("round", a[0]);
            return integral(Math.signum(x) * Math.floor(Math.abs(x) + 0.5), "round");
        });
        def("abs", 1, 1, (a, cx) -> {
            if (isInt(a[0])) {
                long v = ((Number) a[0]).longValue();
                if (v == Long.MIN_VALUE) throw new SxException("Integer overflow in abs");
                return Math.abs(v);
            }
            return Math.abs(dbl("abs", a[0]));
        });
        def("min", 1, -1, (a, cx) -> extreme("min", a, -1));
        def("max", 1, -1, (a, cx) -> extreme("max", a, 1));
        def("pow", 2, 2, (a, cx) -> {
            Number x = num("pow", a[0]), y = num("pow", a[1]);
            if (isInt(x) && isInt(y) && y.longValue() >= 0) {
                long r = 1, b = x.longValue();
                try {
                    for (long e = y.longValue(); e > 0; e--) r = Math.multiplyExact(r, b);
                } catch (ArithmeticException e) {
                    throw new SxException("Integer overflow in pow");
                }
                return r;
            }
            return Math.pow(x.doubleValue(), y.doubleValue());
        });
        def("sqrt", 1, 1, (a, cx) -> Math.sqrt(dbl("sqrt", a[0])));
        def("clamp", 3, 3, (a, cx) -> {
            Object x = a[0];
            if (compare("clamp", x, a[1]) < 0) return a[1];
            if (compare("clamp", x, a[2]) > 0) return a[2];
            return x;
        });
        def("inc", 1, 1, (a, cx) -> op("inc", num("inc", a[0]), 1L, Math::addExact, Double::sum));
        def("dec", 1, 1, (a, cx) -> op("dec", num("dec", a[0]), 1L, Math::subtractExact, (x, y) -> x - y));
        def("=", 1, -1, (a, cx) -> {
            for (int i = 0; i + 1 < a.length; i++) if (!Equality.equal(a[i], a[i + 1])) return false;
            return true;
        });
        def("!=", 2, 2, (a, cx) -> !Equality.equal(a[0], a[1]));
        def("eq?", 2, 2, (a, cx) -> a[0] == a[1] || (a[0] != null && (a[0] instanceof Number || a[0] instanceof String || a[0] instanceof Boolean) && a[0].equals(a[1])));
        comparison("<", c -> c < 0);
        comparison(">", c -> c > 0);
        comparison("<=", c -> c <= 0);
        comparison(">=", c -> c >= 0);
        def("not", 1, 1, (a, cx) -> !Equality.truthy(a[0])).withOne((x, cx) -> !Equality.truthy(x));
        // the low bit rather than floorMod: no 64-bit division per row of a striped table
        def("odd?", 1, 1, (a, cx) -> (Args.lng("odd?", a[0]) & 1) == 1).withOne((x, cx) -> (Args.lng("odd?", x) & 1) == 1);
        def("even?", 1, 1, (a, cx) -> (Args.lng("even?", a[0]) & 1) == 0).withOne((x, cx) -> (Args.lng("even?", x) & 1) == 0);
        def("zero?", 1, 1, (a, cx) -> num("zero?", a[0]).doubleValue() == 0);
    }

    private static Object extreme(String fn, Object[] a, int sign) {
        Object best = num(fn, a[0]);
        for (int i = 1; i < a.length; i++) if (compare(fn, num(fn, a[i]), best) * sign > 0) best = a[i];
        return best;
    }
}
