package coop.roseash.sx.value;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An interned symbol. Identity is equality, so environments compare with {@code ==}.
 * The public fields are kernel caches filled once at start-up so that head dispatch is a field read.
 * They are deliberately not volatile: special/primitive/tag are written before any engine exists
 * (Kernel.init is synchronized), and everBound is only ever consulted for environments the same
 * thread built or received through a safely published snapshot.
 */
public final class Symbol {
    private static final ConcurrentHashMap<String, Symbol> TABLE = new ConcurrentHashMap<>();

    public final String name;
    /** Special form code, or null; special forms cannot be shadowed. */
    public Object special;
    /** Pure primitive bound to this name, or null. */
    public Object primitive;
    /** Element rendering info when the name is an HTML/SVG tag, or null. */
    public Object tag;
    /** Set the first time any environment binds this name; unset names skip the scope walk. */
    public boolean everBound;

    private Symbol(String name) { this.name = name; }

    public static Symbol of(String name) {
        Symbol s = TABLE.get(name);
        return s != null ? s : TABLE.computeIfAbsent(name, Symbol::new);
    }

    public boolean isComponentName() { return name.length() > 1 && name.charAt(0) == '~'; }

    @Override
    public String toString() { return name; }
}
