package coop.roseash.sx.eval;

import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;

/**
 * A let's bindings read once, so each evaluation fills a frame without walking the binding list.
 * Only well-formed bindings with distinct names are planned; anything else takes the general
 * path, which reports errors exactly where it always did.
 */
final class LetPlan {
    /** Cached on forms that cannot be planned. */
    private static final Object NONE = new Object();

    final Symbol[] names;
    final Object[] forms;

    private LetPlan(Symbol[] names, Object[] forms) {
        this.names = names;
        this.forms = forms;
    }

    /** The plan of a (non-named) let form, or null. */
    static LetPlan of(SxList let) {
        Object cached = let.plan;
        if (cached instanceof LetPlan p) return p;
        if (cached == NONE) return null;
        LetPlan p = analyse(let);
        let.plan = p != null ? p : NONE;
        return p;
    }

    private static LetPlan analyse(SxList let) {
        if (let.size() < 2 || !(let.get(1) instanceof SxList bindings)) return null;
        boolean pairs = !bindings.isEmpty() && bindings.get(0) instanceof SxList;
        if (!pairs && bindings.size() % 2 != 0) return null;
        int n = pairs ? bindings.size() : bindings.size() / 2;
        Symbol[] names = new Symbol[n];
        Object[] forms = new Object[n];
        for (int i = 0; i < n; i++) {
            if (pairs) {
                if (!(bindings.get(i) instanceof SxList pair) || pair.isEmpty() || !(pair.get(0) instanceof Symbol name)) return null;
                names[i] = name;
                forms[i] = pair.size() > 1 ? pair.get(1) : null;
            } else {
                if (!(bindings.get(2 * i) instanceof Symbol name)) return null;
                names[i] = name;
                forms[i] = bindings.get(2 * i + 1);
            }
            for (int k = 0; k < i; k++) if (names[k] == names[i]) return null;
        }
        for (Symbol s : names) s.everBound = true;
        return new LetPlan(names, forms);
    }
}
