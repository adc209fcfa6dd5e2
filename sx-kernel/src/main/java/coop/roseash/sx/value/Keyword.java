package coop.roseash.sx.value;

import java.util.concurrent.ConcurrentHashMap;

/** An interned keyword {@code :name}; evaluates to its name as a string. */
public final class Keyword {
    private static final ConcurrentHashMap<String, Keyword> TABLE = new ConcurrentHashMap<>();

    public final String name;
    /** Cached attribute rendering info (kernel internal), filled on first use; a benign race. */
    public Object attr;

    private Keyword(String name) { this.name = name; }

    public static Keyword of(String name) {
        Keyword k = TABLE.get(name);
        return k != null ? k : TABLE.computeIfAbsent(name, Keyword::new);
    }

    @Override
    public String toString() { return ":" + name; }
}
