package coop.roseash.sx;

import java.util.List;

/**
 * A server-side IO primitive declared by the host, e.g. {@code IoPrimitive.of("current-user", (ctx, args) -> ...)}.
 * Arguments arrive as boundary values; the result is converted back (records become dicts).
 */
public record IoPrimitive(String name, int minArgs, int maxArgs, IoFunction function) {
    /** The Java side of an IO primitive. */
    @FunctionalInterface
    public interface IoFunction {
        Object apply(IoContext ctx, List<Object> args) throws Exception;
    }

    /** Any number of arguments. */
    public static IoPrimitive of(String name, IoFunction fn) { return new IoPrimitive(name, 0, -1, fn); }

    /** Declared parameters: their count is checked; a last parameter {@code &rest} makes it variadic. */
    public static IoPrimitive of(String name, List<String> params, IoFunction fn) {
        boolean rest = !params.isEmpty() && params.get(params.size() - 1).equals("&rest");
        int fixed = rest ? params.size() - 1 : params.size();
        return new IoPrimitive(name, fixed, rest ? -1 : fixed, fn);
    }
}
