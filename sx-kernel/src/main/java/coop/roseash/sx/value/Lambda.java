package coop.roseash.sx.value;

import coop.roseash.sx.eval.Env;

/** A closure over its defining environment. */
public final class Lambda {
    public final String name;
    public final Params params;
    public final Object[] body;
    public final Env env;

    public Lambda(String name, Params params, Object[] body, Env env) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.env = env;
    }
}
