package coop.roseash.sx.value;

import coop.roseash.sx.eval.Env;

/** A {@code defcomp}: keyword parameters, optional children, a body rendered where it is called. */
public class Component {
    public final String name;
    public final Params params;
    public final Object[] body;
    /** The body as a list view, for renderers. */
    public final java.util.List<Object> bodyList;
    public final Env env;
    /** Keyword for each parameter, compared by identity when a call is bound. */
    private final Keyword[] keys;
    /** The definition form, sent to clients that render this component themselves. */
    public final SxList definition;
    /** True when the component (or one it calls) needs IO, so it is expanded on the server. */
    public volatile boolean serverOnly;

    public Component(String name, Params params, Object[] body, Env env, SxList definition) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.bodyList = java.util.Arrays.asList(body);
        this.env = env;
        this.definition = definition;
        Symbol[] names = params.names();
        this.keys = new Keyword[names.length];
        for (int i = 0; i < names.length; i++) keys[i] = Keyword.of(names[i].name);
    }

    public boolean isIsland() { return false; }

    public int indexOfKey(Keyword key) {
        for (int i = 0; i < keys.length; i++) if (keys[i] == key) return i;
        return -1;
    }

    public int indexOfKey(String key) { return indexOfKey(Keyword.of(key)); }
}
