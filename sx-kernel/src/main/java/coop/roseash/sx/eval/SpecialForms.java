package coop.roseash.sx.eval;

import static coop.roseash.sx.eval.Evaluator.eval;
import static coop.roseash.sx.value.Equality.truthy;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.List;

/** Control flow, binding and function special forms. Forms with a tail position return via {@link EvalContext#tail}. */
public final class SpecialForms {
    static final Symbol ELSE = Symbol.of("else");

    private SpecialForms() {}

    static void arity(SxList l, int min, String usage) {
        if (l.size() - 1 < min) throw new SxException("Bad " + usage + ": expected at least " + min + " forms");
    }

    static Object quote(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "quote");
        return l.get(1);
    }

    static Object ifForm(SxList l, Env env, EvalContext cx) {
        arity(l, 2, "if");
        if (truthy(eval(l.get(1), env, cx))) return cx.tail(l.get(2), env);
        return l.size() > 3 ? cx.tail(l.get(3), env) : null;
    }

    static Object when(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "when");
        return truthy(eval(l.get(1), env, cx)) ? body(l, 2, env, cx) : null;
    }

    static Object unless(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "unless");
        return truthy(eval(l.get(1), env, cx)) ? null : body(l, 2, env, cx);
    }

    /** Evaluates forms from index {@code from}; the last is left in tail position. */
    static Object body(List<Object> l, int from, Env env, EvalContext cx) {
        int n = l.size();
        if (from >= n) return null;
        for (int i = from; i < n - 1; i++) eval(l.get(i), env, cx);
        return cx.tail(l.get(n - 1), env);
    }

    static Object doForm(SxList l, Env env, EvalContext cx) { return body(l, 1, env, cx); }

    static Object and(SxList l, Env env, EvalContext cx) {
        int n = l.size();
        if (n == 1) return Boolean.TRUE;
        for (int i = 1; i < n - 1; i++) {
            Object v = eval(l.get(i), env, cx);
            if (!truthy(v)) return v;
        }
        return cx.tail(l.get(n - 1), env);
    }

    static Object or(SxList l, Env env, EvalContext cx) {
        int n = l.size();
        if (n == 1) return null;
        for (int i = 1; i < n - 1; i++) {
            Object v = eval(l.get(i), env, cx);
            if (truthy(v)) return v;
        }
        return cx.tail(l.get(n - 1), env);
    }

    // ---- cond and case: selection is shared with the renderers

    /** The forms chosen by a cond or case: {@code forms[from..]}, or a plain value when there are none. */
    public record Chosen(List<Object> forms, int from, Object value) {
        /** Only the form at {@code from}: flat cond pairs and case results are single expressions. */
        Chosen single() { return new Chosen(forms.subList(from, from + 1), 0, null); }
    }

    static final Chosen NONE = new Chosen(List.of(), 0, null);

    static boolean isElse(Object o) { return o == ELSE || (o instanceof Keyword k && k.name.equals("else")); }

    /** Scheme clauses when the first clause is a list starting with a list or else; flat pairs otherwise. */
    public static Chosen chooseCond(SxList l, Env env, EvalContext cx) {
        int n = l.size();
        if (n == 1) return NONE;
        Object first = l.get(1);
        boolean scheme = first instanceof SxList fl && !fl.isEmpty() && (fl.get(0) instanceof SxList || isElse(fl.get(0)));
        if (scheme) {
            for (int i = 1; i < n; i++) {
                if (!(l.get(i) instanceof SxList clause) || clause.isEmpty()) throw new SxException("Bad cond clause");
                Object test = clause.get(0);
                if (isElse(test)) return new Chosen(clause, 1, null);
                Object v = eval(test, env, cx);
                if (truthy(v)) return new Chosen(clause, 1, v);
            }
            return NONE;
        }
        for (int i = 1; i < n; i += 2) {
            if (i + 1 >= n) throw new SxException("cond has a test without a result");
            Object test = l.get(i);
            if (isElse(test) || truthy(eval(test, env, cx))) return new Chosen(l, i + 1, null).single();
        }
        return NONE;
    }

    /** {@code (case x v1 r1 ... :else d)}; keys are literals, keywords compare as their names. */
    public static Chosen chooseCase(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "case");
        Object x = eval(l.get(1), env, cx);
        int n = l.size();
        for (int i = 2; i < n; i += 2) {
            if (i + 1 >= n) throw new SxException("case has a key without a result");
            Object key = l.get(i);
            if (isElse(key) || caseMatches(key, x)) return new Chosen(l, i + 1, null).single();
        }
        return NONE;
    }

    private static boolean caseMatches(Object key, Object x) {
        if (key instanceof SxList alts) {
            for (Object a : alts) if (Equality.equal(literal(a), x)) return true;
            return false;
        }
        return Equality.equal(literal(key), x);
    }

    private static Object literal(Object key) {
        if (key instanceof Keyword k) return k.name;
        if (key instanceof Symbol s) return s.name;
        return key;
    }

    static Object cond(SxList l, Env env, EvalContext cx) { return tailChosen(chooseCond(l, env, cx), env, cx); }

    static Object caseForm(SxList l, Env env, EvalContext cx) { return tailChosen(chooseCase(l, env, cx), env, cx); }

    private static Object tailChosen(Chosen c, Env env, EvalContext cx) {
        if (c.from() >= c.forms().size()) return c.value();
        return body(c.forms(), c.from(), env, cx);
    }

    // ---- let, letrec, define, set!, fn

    /** Builds the frame of a (non-named) let; its body starts at index 2. */
    public static Env letEnv(SxList l, Env env, EvalContext cx) {
        LetPlan plan = LetPlan.of(l);
        if (plan != null) {
            Symbol[] names = plan.names;
            Object[] forms = plan.forms;
            Env e = Env.filling(env, names);
            for (int i = 0; i < names.length; i++) {
                Object f = forms[i];
                e.bindNext(names[i], f instanceof SxList ? eval(f, e, cx) : Evaluator.evalAtom(f, e, cx));
            }
            return e;
        }
        arity(l, 1, "let");
        Object spec = l.get(1);
        if (!(spec instanceof SxList bindings)) throw new SxException("let expects a binding list");
        Env e = new Env(env, Math.max(1, bindings.size()));
        if (!bindings.isEmpty() && bindings.get(0) instanceof SxList) {
            for (Object b : bindings) {
                if (!(b instanceof SxList pair) || pair.isEmpty() || !(pair.get(0) instanceof Symbol name)) {
                    throw new SxException("let binding must be (name value)");
                }
                e.define(name, pair.size() > 1 ? eval(pair.get(1), e, cx) : null);
            }
        } else {
            if (bindings.size() % 2 != 0) throw new SxException("let bindings must come in name value pairs");
            for (int i = 0; i < bindings.size(); i += 2) {
                if (!(bindings.get(i) instanceof Symbol name)) throw new SxException("let binding name must be a symbol");
                e.define(name, eval(bindings.get(i + 1), e, cx));
            }
        }
        return e;
    }

    public static boolean isNamedLet(SxList l) { return l.size() > 2 && l.get(1) instanceof Symbol; }

    static Object let(SxList l, Env env, EvalContext cx) {
        if (isNamedLet(l)) return namedLet(l, env, cx);
        return body(l, 2, letEnv(l, env, cx), cx);
    }

    /** {@code (let loop ((i 0)) body)}: defines loop as a lambda and calls it in tail position. */
    private static Object namedLet(SxList l, Env env, EvalContext cx) {
        Symbol name = (Symbol) l.get(1);
        if (!(l.get(2) instanceof SxList bindings)) throw new SxException("named let expects a binding list");
        Env loopEnv = new Env(env, 1);
        Symbol[] params = new Symbol[bindings.size()];
        Object[] inits = new Object[bindings.size()];
        for (int i = 0; i < params.length; i++) {
            if (!(bindings.get(i) instanceof SxList pair) || pair.size() != 2 || !(pair.get(0) instanceof Symbol p)) {
                throw new SxException("named let binding must be (name value)");
            }
            params[i] = p;
            inits[i] = eval(pair.get(1), env, cx);
        }
        Object[] bodyForms = l.subList(3, l.size()).toArray();
        Lambda loop = new Lambda(name.name, coop.roseash.sx.value.Params.of(params, null, false), bodyForms, loopEnv);
        loopEnv.define(name, loop);
        Env callEnv = Evaluator.bind(loop, inits);
        return body(java.util.Arrays.asList(bodyForms), 0, callEnv, cx);
    }

    public static Env letrecEnv(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "letrec");
        if (!(l.get(1) instanceof SxList bindings)) throw new SxException("letrec expects a binding list");
        Env e = new Env(env, Math.max(1, bindings.size()));
        for (Object b : bindings) {
            if (!(b instanceof SxList pair) || pair.size() != 2 || !(pair.get(0) instanceof Symbol name)) {
                throw new SxException("letrec binding must be (name value)");
            }
            e.define(name, null);
        }
        for (Object b : bindings) {
            SxList pair = (SxList) b;
            e.set((Symbol) pair.get(0), named(((Symbol) pair.get(0)).name, eval(pair.get(1), e, cx)));
        }
        return e;
    }

    static Object letrec(SxList l, Env env, EvalContext cx) { return body(l, 2, letrecEnv(l, env, cx), cx); }

    static Object define(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "define");
        Object target = l.get(1);
        if (target instanceof SxList sig && !sig.isEmpty() && sig.get(0) instanceof Symbol name) {
            Object[] bodyForms = l.subList(2, l.size()).toArray();
            env.define(name, new Lambda(name.name, Definitions.params(sig.tail(1)), bodyForms, env));
            return null;
        }
        if (!(target instanceof Symbol name)) throw new SxException("define expects a name");
        Object v = l.size() > 2 ? eval(l.get(2), env, cx) : null;
        env.define(name, named(name.name, v));
        return null;
    }

    /** An anonymous lambda bound by define or letrec takes the binding's name for errors. */
    private static Object named(String name, Object v) {
        if (v instanceof Lambda lam && lam.name.equals("lambda")) return new Lambda(name, lam.params, lam.body, lam.env);
        return v;
    }

    static Object set(SxList l, Env env, EvalContext cx) {
        arity(l, 2, "set!");
        if (!(l.get(1) instanceof Symbol name)) throw new SxException("set! expects a name");
        Object v = eval(l.get(2), env, cx);
        if (!env.set(name, v)) throw new SxException("set! of undefined symbol: " + name.name);
        return null;
    }

    static Object fn(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "fn");
        if (l.get(1) instanceof Symbol name) {
            arity(l, 2, "fn");
            Env self = new Env(env, 1);
            Lambda lam = new Lambda(name.name, Definitions.params(l.get(2)), l.subList(3, l.size()).toArray(), self);
            self.define(name, lam);
            return lam;
        }
        return new Lambda("lambda", Definitions.params(l.get(1)), l.subList(2, l.size()).toArray(), env);
    }

    /** {@code (-> x (f a) g)} rewrites to {@code (g (f x a))} and evaluates that in tail position. */
    static Object thread(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "->");
        Object acc = l.get(1);
        for (int i = 2; i < l.size(); i++) {
            Object step = l.get(i);
            if (step instanceof SxList s && !s.isEmpty()) {
                Object[] items = new Object[s.size() + 1];
                items[0] = s.get(0);
                items[1] = acc;
                for (int k = 1; k < s.size(); k++) items[k + 1] = s.get(k);
                acc = SxList.wrap(items, s.pos);
            } else {
                acc = SxList.wrap(new Object[] {step, acc}, l.pos);
            }
        }
        return cx.tail(acc, env);
    }

    static Object tryCall(SxList l, Env env, EvalContext cx) {
        arity(l, 1, "try-call");
        Object thunk = eval(l.get(1), env, cx);
        int depth = cx.depth();
        SxDict out = new SxDict(2);
        try {
            Object v = Evaluator.apply(thunk, new Object[0], cx);
            out.put("ok", Boolean.TRUE);
            out.put("value", v);
        } catch (LimitExceeded e) {
            throw e;
        } catch (SxException e) {
            cx.restoreDepth(depth);
            out.put("ok", Boolean.FALSE);
            out.put("error", e.message());
        } catch (StackOverflowError e) {
            cx.restoreDepth(depth);
            out.put("ok", Boolean.FALSE);
            out.put("error", "Recursion too deep");
        }
        return out;
    }

    /** The evaluated name of a provide/context scope. */
    public static String contextName(Object v) { return DynamicScope.name(v); }
}
