package coop.roseash.sx.value;

import coop.roseash.sx.reader.SourcePos;
import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/** An immutable list; lists read from source keep their position for error messages. */
public final class SxList extends AbstractList<Object> implements RandomAccess {
    public static final SxList EMPTY = new SxList(new Object[0], null);

    private final Object[] items;
    public final SourcePos pos;
    /**
     * The kernel's analysis of this form, made on first use (a tag form's plan, a let's bindings):
     * immutable, so a racy write is harmless.
     */
    public Object plan;

    private SxList(Object[] items, SourcePos pos) {
        this.items = items;
        this.pos = pos;
    }

    /** Wraps the array without copying; the caller must not modify it afterwards. */
    public static SxList wrap(Object[] items, SourcePos pos) {
        return items.length == 0 && pos == null ? EMPTY : new SxList(items, pos);
    }

    public static SxList of(Object... items) { return wrap(items.clone(), null); }

    public static SxList copyOf(Collection<?> c) { return wrap(c.toArray(), null); }

    @Override
    public Object get(int i) { return items[i]; }

    @Override
    public int size() { return items.length; }

    public Object[] toArrayUnsafe() { return items; }

    /** Items from index {@code from} to the end. */
    public SxList tail(int from) {
        if (from >= items.length) return EMPTY;
        return wrap(java.util.Arrays.copyOfRange(items, from, items.length), null);
    }

    @Override
    public boolean equals(Object o) { return this == o || (o instanceof List<?> l && Equality.equal(this, l)); }

    @Override
    public int hashCode() { return super.hashCode(); }
}
