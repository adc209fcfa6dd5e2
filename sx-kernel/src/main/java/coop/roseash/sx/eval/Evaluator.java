package coop.roseash.sx.eval;

import coop.roseash.sx.SxException;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.Params;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.Arrays;
import java.util.Map;

/**
 * The evaluator: a loop that replaces the current form instead of recursing for tail positions,
 * so tail calls never grow the Java stack. Non-tail calls recurse and are counted against the
 * depth limit.
 */
public final class Evaluator {
    /** Returned by special forms whose result is a form still to evaluate (see {@link EvalContext#tail}). */
    public static final Object TAIL = new Object();

    private Evaluator() {}

    public static Object eval(Object x, Env env, EvalContext cx) {
        if (!(x instanceof SxList)) return evalAtom(x, env, cx);
        boolean counted = false;
        SxList l = null;
        try {
            while (true) {
                if (!(x instanceof SxList)) return evalAtom(x, env, cx);
                l = (SxList) x;
                int n = l.size();
                if (n == 0) return l;
                Object head = l.get(0);
                Object f;
                if (head instanceof Symbol hs) {
                    Object special = hs.special;
                    if (special != null) {
                        Object r = ((SpecialForm) special).eval(l, env, cx);
                        if (r != TAIL) return r;
                        x = cx.tailForm;
                        env = cx.tailEnv;
                        continue;
                    }
                    f = hs.everBound ? env.lookup(hs) : Env.MISSING;
                    if (f == Env.MISSING) {
                        if (hs.tag != null) return cx.nodes.tag(l, env, cx);
                        f = hs.primitive;
                        if (f == null) throw undefined(hs);
                    }
                    if (f instanceof Macro m) {
                        x = expand(m, l, cx);
                        continue;
                    }
                } else {
                    f = eval(head, env, cx);
                }
                if (f instanceof Primitive p) return callPrimitive(p, l, env, cx);
                if (f instanceof Lambda lam) {
                    env = bind(lam, evalArgs(l, env, cx));
                    if (!counted) {
                        cx.enter();
                        counted = true;
                    } else {
                        cx.step(); // a tail call: no deeper, but a step of a possibly endless loop
                    }
                    Object[] body = lam.body;
                    if (body.length == 0) return null;
                    for (int i = 0; i < body.length - 1; i++) eval(body[i], env, cx);
                    x = body[body.length - 1];
                    continue;
                }
                if (f instanceof Component c) return cx.nodes.component(c, l, env, cx);
                throw new SxException("Not callable: " + Printer.print(f));
            }
        } catch (SxException e) {
            throw e.atIfAbsent(l == null ? null : l.pos);
        } finally {
            if (counted) cx.exit();
        }
    }

    public static Object evalAtom(Object x, Env env, EvalContext cx) {
        if (x instanceof Symbol s) {
            Object v = s.everBound ? env.lookup(s) : Env.MISSING;
            if (v != Env.MISSING) return v;
            if (s.primitive != null) return s.primitive;
            throw undefined(s);
        }
        if (x instanceof Keyword k) return k.name;
        if (x instanceof SxDict d) return evalDict(d, env, cx);
        return x;
    }

    public static SxException undefined(Symbol s) {
        if (s.isComponentName()) return new SxException("Unknown component: " + s.name);
        if (IoNames.isPlatformIo(s.name)) return new SxException("Undeclared IO primitive: " + s.name);
        return new SxException("Undefined symbol: " + s.name);
    }

    /** A primitive call form: one or two arguments go straight to a body of that arity when there is one. */
    public static Object callPrimitive(Primitive p, SxList l, Env env, EvalContext cx) {
        int n = l.size();
        if (n == 2 && p.takesOne()) return p.call1(evalArg(l.get(1), env, cx), cx);
        if (n == 3 && p.takesTwo()) {
            Object a = evalArg(l.get(1), env, cx);
            return p.call2(a, evalArg(l.get(2), env, cx), cx);
        }
        return p.call(evalArgs(l, env, cx), cx);
    }

    /** Atoms (most arguments) skip the big eval method, which is too large to be inlined. */
    public static Object evalArg(Object a, Env env, EvalContext cx) {
        return a instanceof SxList ? eval(a, env, cx) : evalAtom(a, env, cx);
    }

    public static Object[] evalArgs(SxList l, Env env, EvalContext cx) {
        int n = l.size() - 1;
        if (n == 0) return NO_ARGS;
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            args[i] = evalArg(l.get(i + 1), env, cx);
        }
        return args;
    }

    private static final Object[] NO_ARGS = new Object[0];

    /** A new frame binding a lambda's parameters; arity errors name the lambda. */
    public static Env bind(Lambda lam, Object[] args) {
        Params p = lam.params;
        int n = p.names().length;
        if (p.rest() == null) {
            if (args.length != n) throw new SxException(lam.name + " expects " + n + " args, got " + args.length);
            return Env.wrap(lam.env, p.frame(), args); // the argument array becomes the frame
        }
        if (args.length < n) throw new SxException(lam.name + " expects at least " + n + " args, got " + args.length);
        Object[] values = Arrays.copyOf(args, n + 1);
        values[n] = SxList.wrap(Arrays.copyOfRange(args, n, args.length), null);
        return Env.wrap(lam.env, p.frame(), values);
    }

    /** Calls any SX function value with already evaluated arguments. */
    public static Object apply(Object f, Object[] args, EvalContext cx) {
        if (f instanceof Primitive p) return p.call(args, cx);
        if (f instanceof Lambda lam) {
            Env env = bind(lam, args);
            cx.enter();
            try {
                Object[] body = lam.body;
                Object r = null;
                for (Object form : body) r = eval(form, env, cx);
                return r;
            } finally {
                cx.exit();
            }
        }
        if (f instanceof Component c) {
            throw new SxException("Components are called with (" + c.name + " ...), not applied");
        }
        throw new SxException("Not callable: " + Printer.print(f));
    }

    /** Expands one macro call; the caller evaluates the expansion in its own environment. */
    public static Object expand(Macro m, SxList call, EvalContext cx) {
        Params p = m.params();
        Object[] args = new Object[call.size() - 1];
        for (int i = 0; i < args.length; i++) args[i] = call.get(i + 1);
        Lambda asLambda = new Lambda(m.name(), p, m.body(), m.env());
        Object expansion = apply(asLambda, args, cx);
        if (expansion instanceof SxList el && el.pos == null && call.pos != null) {
            return SxList.wrap(el.toArray(), call.pos);
        }
        return expansion;
    }

    /** Evaluates a dict literal's values; its keys are already strings. */
    public static SxDict evalDict(Map<String, Object> lit, Env env, EvalContext cx) {
        SxDict out = new SxDict(lit.size());
        for (Map.Entry<String, Object> e : lit.entrySet()) out.put(e.getKey(), eval(e.getValue(), env, cx));
        return out;
    }
}
