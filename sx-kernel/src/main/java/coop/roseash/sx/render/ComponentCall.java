package coop.roseash.sx.render;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Env;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one component call, evaluated at the call site before the body runs:
 * keyword values by parameter, everything else as children.
 */
public final class ComponentCall {
    public final Object[] values;
    public final List<Object> children;
    /** Keyword arguments as written (island state, wire form); only kept when asked for. */
    public final SxDict keywordArgs;

    private ComponentCall(Object[] values, List<Object> children, SxDict keywordArgs) {
        this.values = values;
        this.children = children;
        this.keywordArgs = keywordArgs;
    }

    public static ComponentCall evaluate(Component c, SxList l, Env env, EvalContext cx, boolean keepKeywords) {
        Object[] values = new Object[c.params.frame().length];
        List<Object> children = null;
        SxDict kw = keepKeywords ? new SxDict() : null;
        int n = l.size();
        for (int i = 1; i < n; i++) {
            Object item = l.get(i);
            if (item instanceof Keyword k && i + 1 < n) {
                int idx = c.indexOfKey(k);
                if (idx < 0) throw new SxException(c.name + " has no parameter :" + k.name);
                Object form = l.get(++i);
                Object v = form instanceof SxList ? Evaluator.eval(form, env, cx) : Evaluator.evalAtom(form, env, cx);
                values[idx] = v;
                if (kw != null) kw.put(k.name, v);
            } else {
                if (children == null) children = new ArrayList<>(4);
                children.add(Evaluator.eval(item, env, cx));
            }
        }
        if (children != null && c.params.rest() == null) throw new SxException(c.name + " takes no children");
        return new ComponentCall(values, children == null ? List.of() : children, kw);
    }

    /** A fresh frame over the component's defining environment with every parameter bound. */
    public Env bind(Component c) {
        if (c.params.rest() != null) values[values.length - 1] = SxList.copyOf(children);
        return Env.wrap(c.env, c.params.frame(), values);
    }

    /** The same call with the given children (a layout receiving page content). */
    public ComponentCall withChildren(List<Object> kids) { return new ComponentCall(values, kids, keywordArgs); }

    /** Evaluates a component with host-supplied keyword arguments (already boundary values). */
    public static ComponentCall ofValues(Component c, java.util.Map<String, ?> args) {
        Object[] values = new Object[c.params.frame().length];
        SxDict kw = new SxDict();
        for (var e : args.entrySet()) {
            int idx = c.indexOfKey(e.getKey());
            if (idx < 0) throw new SxException(c.name + " has no parameter :" + e.getKey());
            values[idx] = e.getValue();
            kw.put(e.getKey(), e.getValue());
        }
        return new ComponentCall(values, List.of(), kw);
    }
}
