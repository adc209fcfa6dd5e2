package coop.roseash.sx.eval;

import static coop.roseash.sx.eval.Evaluator.eval;

import coop.roseash.sx.SxException;
import coop.roseash.sx.route.HandlerDef;
import coop.roseash.sx.route.PageDef;
import coop.roseash.sx.route.RoutePattern;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Island;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.Params;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The defining forms: macros, components, islands, styles, pages and handlers. All return nil. */
final class Definitions {
    private Definitions() {}

    /** Parses {@code (a b &rest r)} or {@code (&key a b &rest children)}. */
    static Params params(Object spec) {
        if (!(spec instanceof SxList l)) throw new SxException("Parameter list expected");
        List<Symbol> names = new ArrayList<>();
        Symbol rest = null;
        boolean keys = false;
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Symbol s)) throw new SxException("Parameters must be symbols");
            if (s.name.equals("&key")) keys = true;
            else if (s.name.equals("&rest")) {
                if (i + 1 >= l.size() || !(l.get(i + 1) instanceof Symbol r)) throw new SxException("&rest needs a name");
                rest = r;
                if (i + 2 != l.size()) throw new SxException("&rest must be the last parameter");
                break;
            } else names.add(s);
        }
        return Params.of(names.toArray(new Symbol[0]), rest, keys);
    }

    private static Symbol name(SxList l, String form) {
        if (l.size() < 2 || !(l.get(1) instanceof Symbol s)) throw new SxException(form + " expects a name");
        return s;
    }

    static Object defmacro(SxList l, Env env, EvalContext cx) {
        Symbol name = name(l, "defmacro");
        SpecialForms.arity(l, 2, "defmacro");
        env.define(name, new Macro(name.name, params(l.get(2)), l.subList(3, l.size()).toArray(), env));
        return null;
    }

    static Object defcomp(SxList l, Env env, EvalContext cx) { return component(l, env, false); }

    static Object defisland(SxList l, Env env, EvalContext cx) { return component(l, env, true); }

    private static Object component(SxList l, Env env, boolean island) {
        String form = island ? "defisland" : "defcomp";
        Symbol name = name(l, form);
        if (!name.isComponentName()) throw new SxException(form + " name must start with ~: " + name.name);
        SpecialForms.arity(l, 2, form);
        Params p = params(l.get(2));
        Object[] body = l.subList(3, l.size()).toArray();
        env.define(name, island ? new Island(name.name, p, body, env, l) : new Component(name.name, p, body, env, l));
        return null;
    }

    static Object defstyle(SxList l, Env env, EvalContext cx) {
        Symbol name = name(l, "defstyle");
        env.define(name, l.size() > 2 ? eval(l.get(2), env, cx) : null);
        return null;
    }

    /** Keyword options {@code :k v} from index {@code from} until a non-keyword (unevaluated). */
    private static Map<String, Object> options(SxList l, int from, int[] end) {
        Map<String, Object> opts = new LinkedHashMap<>();
        int i = from;
        while (i < l.size() && l.get(i) instanceof Keyword k) {
            if (i + 1 >= l.size()) throw new SxException("Option :" + k.name + " has no value");
            opts.put(k.name, l.get(i + 1));
            i += 2;
        }
        end[0] = i;
        return opts;
    }

    private static String text(Object o) {
        if (o instanceof Keyword k) return k.name;
        if (o instanceof Symbol s) return s.name;
        if (o instanceof String s) return s;
        if (o == null) return null;
        throw new SxException("Expected a name or string, got " + coop.roseash.sx.printer.Printer.print(o));
    }

    private static RoutePattern path(Map<String, Object> opts, String form) {
        Object p = opts.get("path");
        if (!(p instanceof String s)) throw new SxException(form + " needs :path \"/...\"");
        return RoutePattern.parse(s);
    }

    static Object defpage(SxList l, Env env, EvalContext cx) {
        Symbol name = name(l, "defpage");
        int[] end = new int[1];
        Map<String, Object> opts = options(l, 2, end);
        if (end[0] != l.size()) throw new SxException("defpage takes only :keyword value options");
        String auth = opts.containsKey("auth") ? text(opts.get("auth")) : "public";
        if (!List.of("public", "member", "admin", "post-author").contains(auth)) {
            throw new SxException("defpage :auth must be :public, :member, :admin or :post-author");
        }
        PageDef page = new PageDef(name.name, path(opts, "defpage"), auth, text(opts.get("layout")),
                opts.get("data"), opts.get("content"), env);
        env.define(name, page);
        cx.addRoute(page);
        return null;
    }

    static Object defhandler(SxList l, Env env, EvalContext cx) {
        Symbol name = name(l, "defhandler");
        int[] end = new int[1];
        Map<String, Object> opts = options(l, 2, end);
        String method = opts.containsKey("method") ? text(opts.get("method")).toUpperCase(java.util.Locale.ROOT) : "GET";
        boolean csrf = opts.containsKey("csrf") ? coop.roseash.sx.value.Equality.truthy(opts.get("csrf")) : !method.equals("GET");
        Params p = end[0] < l.size() && l.get(end[0]) instanceof SxList ps ? params(ps) : Params.of(new Symbol[0], null, true);
        int bodyFrom = end[0] < l.size() && l.get(end[0]) instanceof SxList ? end[0] + 1 : end[0];
        HandlerDef h = new HandlerDef(name.name, path(opts, "defhandler"), method, csrf, p,
                l.subList(bodyFrom, l.size()).toArray(), env);
        env.define(name, h);
        cx.addRoute(h);
        return null;
    }
}
