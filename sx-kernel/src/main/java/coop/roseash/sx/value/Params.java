package coop.roseash.sx.value;

/** A parsed parameter list: positional or {@code &key} names, then an optional {@code &rest} name. */
public record Params(Symbol[] names, Symbol rest, boolean keys) {
    public int arity() { return names.length; }
}
