package coop.roseash.sx.eval;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Quasiquote templates with {@code unquote} and {@code splice-unquote}; nested levels are honoured. */
final class Quasiquote {
    private static final Symbol QUASIQUOTE = Symbol.of("quasiquote");
    private static final Symbol UNQUOTE = Symbol.of("unquote");
    private static final Symbol SPLICE = Symbol.of("splice-unquote");

    private Quasiquote() {}

    static Object quasiquote(SxList l, Env env, EvalContext cx) {
        SpecialForms.arity(l, 1, "quasiquote");
        return expand(l.get(1), 1, env, cx);
    }

    static Object unquoteOutside(SxList l, Env env, EvalContext cx) {
        throw new SxException(((Symbol) l.get(0)).name + " outside quasiquote");
    }

    private static Object expand(Object x, int level, Env env, EvalContext cx) {
        if (x instanceof SxDict d) {
            SxDict out = new SxDict(d.size());
            for (Map.Entry<String, Object> e : d.entrySet()) out.put(e.getKey(), expand(e.getValue(), level, env, cx));
            return out;
        }
        if (!(x instanceof SxList l) || l.isEmpty()) return x;
        Object head = l.get(0);
        if (head == UNQUOTE && l.size() == 2) {
            if (level == 1) return Evaluator.eval(l.get(1), env, cx);
            return SxList.wrap(new Object[] {UNQUOTE, expand(l.get(1), level - 1, env, cx)}, l.pos);
        }
        if (head == QUASIQUOTE && l.size() == 2) {
            return SxList.wrap(new Object[] {QUASIQUOTE, expand(l.get(1), level + 1, env, cx)}, l.pos);
        }
        List<Object> out = new ArrayList<>(l.size());
        for (Object item : l) {
            if (item instanceof SxList il && il.size() == 2 && il.get(0) == SPLICE) {
                if (level == 1) {
                    Object v = Evaluator.eval(il.get(1), env, cx);
                    if (v instanceof List<?> vs) out.addAll(vs);
                    else if (v != null) throw new SxException("splice-unquote needs a list");
                } else {
                    out.add(SxList.wrap(new Object[] {SPLICE, expand(il.get(1), level - 1, env, cx)}, il.pos));
                }
            } else {
                out.add(expand(item, level, env, cx));
            }
        }
        return SxList.wrap(out.toArray(), l.pos);
    }
}
