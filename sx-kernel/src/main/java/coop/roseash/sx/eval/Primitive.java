package coop.roseash.sx.eval;

import coop.roseash.sx.SxException;

/** A function implemented in Java, with its arity checked before the body runs. */
public final class Primitive {
    /** The body of a primitive. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args, EvalContext cx);
    }

    /** A faster body for exactly one argument: no argument array. */
    @FunctionalInterface
    public interface Body1 {
        Object apply(Object a, EvalContext cx);
    }

    /** A faster body for exactly two arguments: no argument array. */
    @FunctionalInterface
    public interface Body2 {
        Object apply(Object a, Object b, EvalContext cx);
    }

    public final String name;
    private final int min;
    private final int max;
    private final Body body;
    /** Set once while the kernel's primitives are installed, before any engine exists. */
    private Body1 one;
    private Body2 two;

    /** {@code max < 0} means variadic. */
    public Primitive(String name, int min, int max, Body body) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.body = body;
    }

    public Object call(Object[] args, EvalContext cx) {
        int n = args.length;
        if (n < min || (max >= 0 && n > max)) {
            String expected = min == max ? String.valueOf(min) : max < 0 ? "at least " + min : min + " to " + max;
            throw new SxException(name + " expects " + expected + " args, got " + n);
        }
        return body.apply(args, cx);
    }

    /** Adds a one-argument body; it must mean exactly what {@code body} means for one argument. */
    public Primitive withOne(Body1 f) {
        if (min > 1 || (max >= 0 && max < 1)) throw new IllegalArgumentException(name + " does not take one argument");
        one = f;
        return this;
    }

    /** Calls with one already evaluated argument. */
    public Object call1(Object a, EvalContext cx) {
        Body1 f = one;
        return f != null ? f.apply(a, cx) : call(new Object[] {a}, cx);
    }

    /** True when {@link #call1} needs no argument array. */
    public boolean takesOne() { return one != null; }

    /** Adds a two-argument body; it must mean exactly what {@code body} means for two arguments. */
    public Primitive withTwo(Body2 f) {
        if (min > 2 || (max >= 0 && max < 2)) throw new IllegalArgumentException(name + " does not take two arguments");
        two = f;
        return this;
    }

    /** Calls with two already evaluated arguments. */
    public Object call2(Object a, Object b, EvalContext cx) {
        Body2 f = two;
        return f != null ? f.apply(a, b, cx) : call(new Object[] {a, b}, cx);
    }

    /** True when {@link #call2} needs no argument array. */
    public boolean takesTwo() { return two != null; }

    @Override
    public String toString() { return name; }
}
