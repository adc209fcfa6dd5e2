package coop.roseash.sx.eval;

import static coop.roseash.sx.eval.Evaluator.eval;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.SxList;

/** {@code provide}, {@code context}, {@code emit!}, {@code emitted}: render-time dynamic scope. */
final class DynamicScope {
    private DynamicScope() {}

    static String name(Object v) {
        if (v instanceof String s) return s;
        throw new SxException("A context name must be a string or keyword");
    }

    static Object provide(SxList l, Env env, EvalContext cx) {
        SpecialForms.arity(l, 2, "provide");
        cx.pushProvide(name(eval(l.get(1), env, cx)), eval(l.get(2), env, cx));
        try {
            Object r = null;
            for (int i = 3; i < l.size(); i++) r = eval(l.get(i), env, cx);
            return r;
        } finally {
            cx.popProvide();
        }
    }

    static Object context(SxList l, Env env, EvalContext cx) {
        SpecialForms.arity(l, 1, "context");
        String name = name(eval(l.get(1), env, cx));
        boolean hasDefault = l.size() > 2;
        return cx.context(name, hasDefault, hasDefault ? eval(l.get(2), env, cx) : null);
    }

    static Object emit(SxList l, Env env, EvalContext cx) {
        SpecialForms.arity(l, 2, "emit!");
        cx.emit(name(eval(l.get(1), env, cx)), eval(l.get(2), env, cx));
        return null;
    }

    static Object emitted(SxList l, Env env, EvalContext cx) {
        SpecialForms.arity(l, 1, "emitted");
        return SxList.copyOf(cx.emitted(name(eval(l.get(1), env, cx))));
    }
}
