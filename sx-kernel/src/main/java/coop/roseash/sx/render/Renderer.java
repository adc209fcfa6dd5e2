package coop.roseash.sx.render;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Env;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.Nodes;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.eval.SpecialForm;
import coop.roseash.sx.eval.SpecialForms;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.List;

/**
 * Renders forms in child position straight into an output, shared by the HTML and wire renderers.
 * Control forms render their result (the last form of the chosen body; definitions render nothing);
 * tags, components and {@code map}/{@code for-each} render in place; anything else is evaluated and
 * its value emitted.
 */
public abstract class Renderer<O> implements Nodes {
    private static final Symbol MAP = Symbol.of("map");
    private static final Symbol MAP_INDEXED = Symbol.of("map-indexed");
    private static final Symbol FOR_EACH = Symbol.of("for-each");

    protected abstract void value(Object v, EvalContext cx, O out);

    protected abstract void tag(TagInfo t, SxList l, Env env, EvalContext cx, O out);

    protected abstract void component(Component c, SxList l, Env env, EvalContext cx, O out);

    public final void render(Object form, Env env, EvalContext cx, O out) {
        SxList l = null;
        try {
            while (true) {
                if (!(form instanceof SxList)) {
                    value(Evaluator.evalAtom(form, env, cx), cx, out);
                    return;
                }
                l = (SxList) form;
                if (l.isEmpty() || !(l.get(0) instanceof Symbol hs)) {
                    value(Evaluator.eval(l, env, cx), cx, out);
                    return;
                }
                Object special = hs.special;
                if (special != null) {
                    SpecialForm sf = (SpecialForm) special;
                    switch (sf) {
                        case IF -> {
                            boolean c = Equality.truthy(Evaluator.eval(l.get(1), env, cx));
                            form = c ? l.get(2) : l.size() > 3 ? l.get(3) : null;
                            continue;
                        }
                        case WHEN, UNLESS -> {
                            if (Equality.truthy(Evaluator.eval(l.get(1), env, cx)) == (sf == SpecialForm.WHEN)) {
                                renderBody(l, 2, env, cx, out);
                            }
                            return;
                        }
                        case DO -> { renderBody(l, 1, env, cx, out); return; }
                        case LET, LETREC -> {
                            if (sf == SpecialForm.LET && SpecialForms.isNamedLet(l)) break;
                            Env inner = sf == SpecialForm.LET ? SpecialForms.letEnv(l, env, cx) : SpecialForms.letrecEnv(l, env, cx);
                            renderBody(l, 2, inner, cx, out);
                            return;
                        }
                        case COND, CASE -> {
                            SpecialForms.Chosen ch = sf == SpecialForm.COND
                                    ? SpecialForms.chooseCond(l, env, cx) : SpecialForms.chooseCase(l, env, cx);
                            if (ch.from() >= ch.forms().size()) value(ch.value(), cx, out);
                            else renderBody(ch.forms(), ch.from(), env, cx, out);
                            return;
                        }
                        case PROVIDE -> {
                            cx.pushProvide(SpecialForms.contextName(Evaluator.eval(l.get(1), env, cx)), Evaluator.eval(l.get(2), env, cx));
                            try {
                                renderBody(l, 3, env, cx, out);
                            } finally {
                                cx.popProvide();
                            }
                            return;
                        }
                        default -> {
                            if (sf.isDefinition()) {
                                Evaluator.eval(l, env, cx);
                                return;
                            }
                        }
                    }
                    value(Evaluator.eval(l, env, cx), cx, out);
                    return;
                }
                Object f = hs.everBound ? env.lookup(hs) : Env.MISSING;
                if (f == Env.MISSING) {
                    if (hs.tag != null) {
                        tag((TagInfo) hs.tag, l, env, cx, out);
                        return;
                    }
                    if (hs == MAP || hs == FOR_EACH || hs == MAP_INDEXED) {
                        renderEach(l, hs == MAP_INDEXED, env, cx, out);
                        return;
                    }
                    if (hs.primitive instanceof Primitive p) {
                        // a primitive call in child position: skip the evaluator's second head dispatch
                        value(Evaluator.callPrimitive(p, l, env, cx), cx, out);
                        return;
                    }
                } else if (f instanceof Component c) {
                    component(c, l, env, cx, out);
                    return;
                } else if (f instanceof Macro m) {
                    form = Evaluator.expand(m, l, cx);
                    continue;
                }
                value(Evaluator.eval(l, env, cx), cx, out);
                return;
            }
        } catch (SxException e) {
            throw e.atIfAbsent(l == null ? null : l.pos);
        }
    }

    /** A body renders its result: earlier forms run for their effects, the last one renders. */
    public final void renderBody(List<Object> forms, int from, Env env, EvalContext cx, O out) {
        int n = forms.size();
        if (from >= n) return;
        for (int i = from; i < n - 1; i++) Evaluator.eval(forms.get(i), env, cx);
        render(forms.get(n - 1), env, cx, out);
    }

    /** Every form renders, in order (fragment children, top-level forms). */
    public final void renderAll(List<Object> forms, int from, Env env, EvalContext cx, O out) {
        for (int i = from, n = forms.size(); i < n; i++) render(forms.get(i), env, cx, out);
    }

    /** {@code (map f coll)} in child position: a lambda's result form renders in place, no list is built. */
    private void renderEach(SxList l, boolean indexed, Env env, EvalContext cx, O out) {
        String name = ((Symbol) l.get(0)).name;
        if (l.size() != 3) throw new SxException(name + " expects 2 args, got " + (l.size() - 1));
        Object f = Evaluator.eval(l.get(1), env, cx);
        Object coll = Evaluator.eval(l.get(2), env, cx);
        if (coll == null) return;
        if (!(coll instanceof List<?> items)) throw new SxException(name + " expects a list, got " + coop.roseash.sx.printer.Printer.print(coll));
        int size = items.size();
        for (int i = 0; i < size; i++) {
            Object[] args = indexed ? new Object[] {(long) i, items.get(i)} : new Object[] {items.get(i)};
            if (f instanceof Lambda lam && lam.body.length > 0) {
                Env callEnv = Evaluator.bind(lam, args);
                cx.enter();
                try {
                    Object[] body = lam.body;
                    for (int k = 0; k < body.length - 1; k++) Evaluator.eval(body[k], callEnv, cx);
                    render(body[body.length - 1], callEnv, cx, out);
                } finally {
                    cx.exit();
                }
            } else {
                value(Evaluator.apply(f, args, cx), cx, out);
            }
        }
    }
}
