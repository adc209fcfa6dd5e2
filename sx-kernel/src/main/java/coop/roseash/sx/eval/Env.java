package coop.roseash.sx.eval;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.Symbol;
import java.util.HashMap;
import java.util.Map;

/**
 * A mutable frame in a chain of lexical frames. Small frames are parallel arrays scanned by
 * identity; big ones (the global frame) switch to a hash map. A sealed frame (the loaded global
 * environment shared by every render) rejects mutation so renders stay independent.
 */
public final class Env {
    /** Returned by {@link #lookup} when no frame binds the symbol. */
    public static final Object MISSING = new Object();
    private static final int ARRAY_LIMIT = 8;

    private final Env parent;
    private Symbol[] names;
    private Object[] values;
    private int size;
    private HashMap<Symbol, Object> map;
    private boolean sealed;
    /** The names array belongs to a parameter list or let plan: copy before adding a name. */
    private boolean namesShared;

    public Env(Env parent) { this(parent, 4); }

    public Env(Env parent, int capacity) {
        this.parent = parent;
        this.names = new Symbol[Math.max(1, capacity)];
        this.values = new Object[names.length];
    }

    /**
     * A frame whose slots are {@code names[i] = values[i]} for the first {@code size} slots. The
     * names array is shared (parameter lists) and never written: a later define copies first.
     */
    public static Env wrap(Env parent, Symbol[] names, Object[] values) {
        return new Env(parent, names, values, names.length);
    }

    private Env(Env parent, Symbol[] names, Object[] values, int size) {
        this.parent = parent;
        this.names = names;
        this.values = values;
        this.size = size;
        this.namesShared = true;
    }

    /**
     * An empty frame that {@link #bindNext} fills in the order of {@code names} (a let: each value
     * is evaluated in the frame holding the earlier bindings only).
     */
    public static Env filling(Env parent, Symbol[] names) {
        return new Env(parent, names, new Object[names.length], 0);
    }

    /** Binds the next name of a {@link #filling} frame; the same as {@link #define} if the frame changed meanwhile. */
    public void bindNext(Symbol s, Object v) {
        if (namesShared && size < names.length && names[size] == s) values[size++] = v;
        else define(s, v);
    }

    public Env parent() { return parent; }

    public Object lookup(Symbol s) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.map != null) {
                Object v = e.map.getOrDefault(s, MISSING);
                if (v != MISSING) return v;
                continue;
            }
            Symbol[] ns = e.names;
            for (int i = e.size - 1; i >= 0; i--) if (ns[i] == s) return e.values[i];
        }
        return MISSING;
    }

    /** Binds in this frame, replacing an existing binding of the same name. */
    public void define(Symbol s, Object v) {
        if (sealed) throw new SxException("Cannot define " + s.name + " in the shared global environment");
        if (!s.everBound) s.everBound = true;
        if (map != null) { map.put(s, v); return; }
        for (int i = 0; i < size; i++) if (names[i] == s) { values[i] = v; return; }
        if (size == ARRAY_LIMIT) {
            map = new HashMap<>(32);
            for (int i = 0; i < size; i++) map.put(names[i], values[i]);
            map.put(s, v);
            names = null;
            values = null;
            return;
        }
        if (namesShared || size == names.length) {
            int capacity = Math.max(4, Math.max(size + 1, names.length) * 2);
            names = java.util.Arrays.copyOf(names, capacity);
            values = java.util.Arrays.copyOf(values, capacity);
            namesShared = false;
        }
        names[size] = s;
        values[size++] = v;
    }

    /** {@code set!}: mutates the nearest binding; false when the name is unbound. */
    public boolean set(Symbol s, Object v) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.map != null ? e.map.containsKey(s) : e.indexOf(s) >= 0) {
                if (e.sealed) throw new SxException("Cannot set! " + s.name + ": it belongs to the shared global environment");
                if (e.map != null) e.map.put(s, v);
                else e.values[e.indexOf(s)] = v;
                return true;
            }
        }
        return false;
    }

    private int indexOf(Symbol s) {
        for (int i = size - 1; i >= 0; i--) if (names[i] == s) return i;
        return -1;
    }

    /** Freezes this frame: it is about to be shared between threads. */
    public void seal() { sealed = true; }

    /** The bindings of this frame alone, for tools such as the registry. */
    public Map<Symbol, Object> frameBindings() {
        Map<Symbol, Object> out = new java.util.LinkedHashMap<>();
        if (map != null) out.putAll(map);
        else for (int i = 0; i < size; i++) out.put(names[i], values[i]);
        return out;
    }
}
