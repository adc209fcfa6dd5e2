package coop.roseash.sx.eval;

import coop.roseash.sx.SxException;

/** A function implemented in Java, with its arity checked before the body runs. */
public final class Primitive {
    /** The body of a primitive. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args, EvalContext cx);
    }

    public final String name;
    private final int min;
    private final int max;
    private final Body body;

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

    @Override
    public String toString() { return name; }
}
