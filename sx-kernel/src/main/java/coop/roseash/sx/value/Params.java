package coop.roseash.sx.value;

/**
 * A parsed parameter list: positional or {@code &key} names, then an optional {@code &rest} name.
 * {@code frame} is names followed by rest: the slot layout of a call's environment frame.
 */
public record Params(Symbol[] names, Symbol rest, boolean keys, Symbol[] frame) {
    public static Params of(Symbol[] names, Symbol rest, boolean keys) {
        Symbol[] frame = java.util.Arrays.copyOf(names, names.length + (rest == null ? 0 : 1));
        if (rest != null) frame[names.length] = rest;
        for (Symbol s : frame) s.everBound = true;
        return new Params(names, rest, keys, frame);
    }

    public int arity() { return names.length; }
}
