package coop.roseash.sx.value;

import java.util.LinkedHashMap;
import java.util.Map;

/** A dict: string keys in insertion order. Primitives never mutate a dict they received. */
public final class SxDict extends LinkedHashMap<String, Object> {
    public SxDict() { super(); }

    public SxDict(int capacity) { super(Math.max(4, capacity * 2)); }

    public SxDict(Map<String, ?> m) { super(m); }

    @Override
    public boolean equals(Object o) { return this == o || (o instanceof Map<?, ?> m && Equality.equal(this, m)); }

    @Override
    public int hashCode() { return super.hashCode(); }
}
