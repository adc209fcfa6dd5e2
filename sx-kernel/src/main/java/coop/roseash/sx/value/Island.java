package coop.roseash.sx.value;

import coop.roseash.sx.eval.Env;

/** A {@code defisland}: a component the browser hydrates; the server renders its initial HTML. */
public final class Island extends Component {
    public Island(String name, Params params, Object[] body, Env env, SxList definition) {
        super(name, params, body, env, definition);
    }

    @Override
    public boolean isIsland() { return true; }
}
