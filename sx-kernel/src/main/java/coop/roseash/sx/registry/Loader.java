package coop.roseash.sx.registry;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Env;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.IoJournal;
import coop.roseash.sx.eval.LimitExceeded;
import coop.roseash.sx.eval.Limits;
import coop.roseash.sx.eval.Mode;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.reader.Reader;
import coop.roseash.sx.render.HtmlRenderer;
import coop.roseash.sx.route.Router;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Symbol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads, analyses and evaluates every source file into a {@link Snapshot}; reports every problem at once. */
public final class Loader {
    private Loader() {}

    public static Snapshot load(List<SourceSet.SourceFile> files, Map<String, Primitive> io, Limits limits) {
        Env global = new Env(null, 64);
        for (Map.Entry<String, Primitive> e : io.entrySet()) global.define(Symbol.of(e.getKey()), e.getValue());
        Analyser analyser = new Analyser(io.keySet());
        List<SxException> problems = new ArrayList<>();
        List<Object> routes = new ArrayList<>();
        EvalContext cx = new EvalContext(Mode.RENDER, null, HtmlRenderer.INSTANCE, limits.maxDepth(), 0, new IoJournal(), limits.budget());
        cx.collectRoutes(routes);
        for (SourceSet.SourceFile f : files) {
            List<Object> forms;
            try {
                forms = Reader.readAll(f.text(), f.origin());
            } catch (SxException e) {
                problems.add(e);
                continue;
            }
            int before = analyser.problems().size();
            for (Object form : forms) analyser.analyse(form);
            if (analyser.problems().size() > before) continue;
            for (Object form : forms) {
                try {
                    Evaluator.eval(form, global, cx);
                } catch (LimitExceeded e) {
                    problems.add(e);
                    throw combined(problems); // the budget is spent: later forms would only fail the same way
                } catch (SxException e) {
                    problems.add(e);
                }
            }
        }
        problems.addAll(analyser.problems());
        Map<String, Component> components = new LinkedHashMap<>();
        for (Map.Entry<Symbol, Object> e : global.frameBindings().entrySet()) {
            if (e.getValue() instanceof Component c) components.put(c.name, c);
        }
        for (Analyser.Reference r : analyser.references()) {
            if (!components.containsKey(r.name())) problems.add(new SxException("Unknown component: " + r.name(), r.pos()));
        }
        if (!problems.isEmpty()) throw combined(problems);
        markServerOnly(components, analyser.components());
        global.seal();
        String defs = clientDefinitions(components);
        return new Snapshot(global, Map.copyOf(components), new Router(routes), defs, hash(defs), Set.copyOf(io.keySet()));
    }

    /** One exception listing every problem, positioned at the first. */
    public static SxException combined(List<SxException> problems) {
        if (problems.size() == 1) return problems.get(0);
        StringBuilder sb = new StringBuilder(problems.size() + " problems:");
        for (SxException p : problems) sb.append("\n  ").append(p.getMessage().replace("\n", "\n  "));
        SxException first = problems.get(0);
        return new SxException(sb.toString(), first.pos());
    }

    /** A component is server-only when it uses IO or calls a server-only component (to a fixpoint). */
    private static void markServerOnly(Map<String, Component> components, Map<String, Analyser.ComponentFacts> facts) {
        boolean changed = true;
        for (Component c : components.values()) {
            Analyser.ComponentFacts f = facts.get(c.name);
            c.serverOnly = f != null && f.usesIo();
        }
        while (changed) {
            changed = false;
            for (Component c : components.values()) {
                if (c.serverOnly) continue;
                Analyser.ComponentFacts f = facts.get(c.name);
                if (f == null) continue;
                for (String ref : f.components()) {
                    Component r = components.get(ref);
                    if (r != null && r.serverOnly && !r.isIsland()) {
                        c.serverOnly = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private static String clientDefinitions(Map<String, Component> components) {
        StringBuilder sb = new StringBuilder();
        components.values().stream()
                .filter(c -> !c.serverOnly || c.isIsland())
                .sorted((a, b) -> a.name.compareTo(b.name))
                .forEach(c -> sb.append(Printer.print(c.definition)).append('\n'));
        return sb.toString();
    }

    private static String hash(String defs) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(defs.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
