package coop.roseash.sx.registry;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.IoNames;
import coop.roseash.sx.eval.SpecialForm;
import coop.roseash.sx.reader.SourcePos;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static checks before evaluation: undeclared IO primitives (a load-time error), component
 * references, and which components use IO (those are expanded on the server in wire format).
 */
public final class Analyser {
    /** What one component's body refers to. */
    public record ComponentFacts(boolean usesIo, Set<String> components) {}

    /** A component referenced by name, and where. */
    public record Reference(String name, SourcePos pos) {}

    private static final Symbol QUOTE = Symbol.of("quote");
    private static final Symbol QUASIQUOTE = Symbol.of("quasiquote");
    private static final Symbol UNQUOTE = Symbol.of("unquote");
    private static final Symbol SPLICE = Symbol.of("splice-unquote");

    private final Set<String> declaredIo;
    private final List<SxException> problems = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final Map<String, ComponentFacts> components = new HashMap<>();

    private boolean currentUsesIo;
    private Set<String> currentRefs;

    public Analyser(Set<String> declaredIo) { this.declaredIo = declaredIo; }

    public List<SxException> problems() { return problems; }

    public List<Reference> references() { return references; }

    public Map<String, ComponentFacts> components() { return components; }

    /** Analyses one top-level form. */
    public void analyse(Object form) {
        if (form instanceof SxList l && l.size() > 2 && l.get(1) instanceof Symbol name
                && (l.get(0) == Symbol.of("defcomp") || l.get(0) == Symbol.of("defisland"))) {
            currentUsesIo = false;
            currentRefs = new HashSet<>();
            walk(form, Set.of(), l.pos);
            components.put(name.name, new ComponentFacts(currentUsesIo, currentRefs));
            currentRefs = null;
            return;
        }
        walk(form, Set.of(), form instanceof SxList l ? l.pos : null);
    }

    private void walk(Object form, Set<Symbol> locals, SourcePos pos) {
        if (form instanceof Symbol s) {
            symbol(s, locals, pos);
            return;
        }
        if (form instanceof SxDict d) {
            for (Object v : d.values()) walk(v, locals, pos);
            return;
        }
        if (!(form instanceof SxList l) || l.isEmpty()) return;
        SourcePos here = l.pos != null ? l.pos : pos;
        Object head = l.get(0);
        if (head == QUOTE) return;
        if (head == QUASIQUOTE) {
            unquoted(l.get(1 < l.size() ? 1 : 0), locals, here);
            return;
        }
        Set<Symbol> inner = locals;
        if (head instanceof Symbol hs && hs.special instanceof SpecialForm sf) {
            inner = bindings(sf, l, locals);
        }
        for (Object item : l) walk(item, inner, here);
    }

    private void unquoted(Object form, Set<Symbol> locals, SourcePos pos) {
        if (!(form instanceof SxList l) || l.isEmpty()) return;
        if ((l.get(0) == UNQUOTE || l.get(0) == SPLICE) && l.size() == 2) {
            walk(l.get(1), locals, l.pos != null ? l.pos : pos);
            return;
        }
        for (Object item : l) unquoted(item, locals, l.pos != null ? l.pos : pos);
    }

    /** Names a binding form introduces for its body (parameters, let names, defined names). */
    private static Set<Symbol> bindings(SpecialForm sf, SxList l, Set<Symbol> locals) {
        Set<Symbol> out = new HashSet<>(locals);
        switch (sf) {
            case FN -> {
                int p = l.size() > 1 && l.get(1) instanceof Symbol ? 2 : 1;
                if (l.size() > 1 && l.get(1) instanceof Symbol n) out.add(n);
                if (p < l.size()) addSymbols(l.get(p), out);
            }
            case DEFINE -> {
                if (l.size() > 1) addSymbols(l.get(1), out);
            }
            case DEFMACRO, DEFCOMP, DEFISLAND -> {
                if (l.size() > 1 && l.get(1) instanceof Symbol n) out.add(n);
                if (l.size() > 2) addSymbols(l.get(2), out);
            }
            case LET, LETREC -> {
                int b = 1;
                if (l.size() > 1 && l.get(1) instanceof Symbol n) {
                    out.add(n);
                    b = 2;
                }
                if (b < l.size() && l.get(b) instanceof SxList bs) {
                    for (Object o : bs) {
                        if (o instanceof Symbol s) out.add(s);
                        else if (o instanceof SxList pair && !pair.isEmpty() && pair.get(0) instanceof Symbol s) out.add(s);
                    }
                }
            }
            case DEFHANDLER -> {
                for (Object o : l) if (o instanceof SxList ps) addSymbols(ps, out);
            }
            default -> { }
        }
        return out;
    }

    private static void addSymbols(Object o, Set<Symbol> out) {
        if (o instanceof Symbol s) out.add(s);
        else if (o instanceof SxList l) for (Object x : l) if (x instanceof Symbol s) out.add(s);
    }

    private void symbol(Symbol s, Set<Symbol> locals, SourcePos pos) {
        if (locals.contains(s)) return;
        if (IoNames.isPlatformIo(s.name) || declaredIo.contains(s.name)) {
            if (!declaredIo.contains(s.name)) problems.add(new SxException("Undeclared IO primitive: " + s.name, pos));
            currentUsesIo = true;
            return;
        }
        if (s.isComponentName()) {
            references.add(new Reference(s.name, pos));
            if (currentRefs != null) currentRefs.add(s.name);
        }
    }
}
