package coop.roseash.sx.eval;

import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.SxList;

/** How tag forms and component calls become values in the current mode (raw HTML or wire nodes). */
public interface Nodes {
    Object tag(SxList form, Env env, EvalContext cx);

    Object component(Component c, SxList form, Env env, EvalContext cx);
}
