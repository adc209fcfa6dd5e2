package coop.roseash.sx.eval;

import coop.roseash.sx.IoContext;
import coop.roseash.sx.SxException;
import coop.roseash.sx.island.Reactive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The state of one evaluation or render: mode, host object, depth, dynamic scopes. Never shared. */
public final class EvalContext implements IoContext {
    public final Mode mode;
    public final Object host;
    public final Nodes nodes;
    public final Reactive reactive;
    private final int maxDepth;
    /** Above this depth on an ordinary thread, ask for a rerun on a big stack (0 = no limit). */
    private final int shallowLimit;
    private int depth;
    private Provide provides;
    private Map<String, Object> stores;
    private List<Object> routes;

    Object tailForm;
    Env tailEnv;

    private final IoJournal ioJournal;
    private final Budget budget;
    /** Steps left in the chunk drawn from the budget. */
    private int steps;

    public EvalContext(Mode mode, Object host, Nodes nodes, int maxDepth, int shallowLimit, IoJournal ioJournal, Budget budget) {
        this.ioJournal = ioJournal;
        this.budget = budget;
        this.mode = mode;
        this.host = host;
        this.nodes = nodes;
        this.maxDepth = maxDepth;
        this.shallowLimit = shallowLimit;
        this.reactive = new Reactive(mode.runsEffects());
    }

    @Override
    public Object host() { return host; }

    /** Runs a host IO call once per evaluation, even when the evaluation is rerun ({@link IoJournal}). */
    public Object io(java.util.function.Supplier<Object> call) { return ioJournal.call(call); }

    public IoJournal ioJournal() { return ioJournal; }

    /** Marks a form as the result still to be evaluated (tail position). */
    public Object tail(Object form, Env env) {
        tailForm = form;
        tailEnv = env;
        return Evaluator.TAIL;
    }

    public Object tailForm() { return tailForm; }

    public Env tailEnv() { return tailEnv; }

    /** One more step (a call); fails when the evaluation's {@link Budget} is spent. */
    public void step() {
        if (--steps < 0) steps = budget.draw() - 1;
    }

    /** Gives back the steps drawn but not taken, before a rerun continues with the same budget. */
    public void returnUnusedSteps() {
        budget.refund(steps);
        steps = 0;
    }

    /** One more non-tail function or component activation (also a step). */
    public void enter() {
        step();
        int d = ++depth;
        if (d > maxDepth) {
            depth--;
            throw new SxException("Recursion too deep");
        }
        if (shallowLimit > 0 && d > shallowLimit) {
            depth--;
            throw new DeepRecursion();
        }
    }

    public void exit() { depth--; }

    public int depth() { return depth; }

    void restoreDepth(int d) { depth = d; }

    // ---- provide / context / emit!

    /** One {@code provide} scope. */
    private static final class Provide {
        final String name;
        final Object value;
        final Provide next;
        List<Object> emitted;

        Provide(String name, Object value, Provide next) {
            this.name = name;
            this.value = value;
            this.next = next;
        }
    }

    public void pushProvide(String name, Object value) { provides = new Provide(name, value, provides); }

    public void popProvide() { provides = provides.next; }

    private Provide find(String name) {
        for (Provide p = provides; p != null; p = p.next) if (p.name.equals(name)) return p;
        return null;
    }

    public Object context(String name, boolean hasDefault, Object dflt) {
        Provide p = find(name);
        if (p != null) return p.value;
        if (hasDefault) return dflt;
        throw new SxException("No provider for context " + name);
    }

    public void emit(String name, Object v) {
        Provide p = find(name);
        if (p == null) throw new SxException("emit! " + name + " has no enclosing provide");
        if (p.emitted == null) p.emitted = new ArrayList<>();
        p.emitted.add(v);
    }

    public List<Object> emitted(String name) {
        Provide p = find(name);
        if (p == null) throw new SxException("emitted " + name + " has no enclosing provide");
        return p.emitted == null ? List.of() : p.emitted;
    }

    /** Collects defpage/defhandler definitions in definition order (used while loading files). */
    public void collectRoutes(List<Object> sink) { routes = sink; }

    void addRoute(Object route) { if (routes != null) routes.add(route); }

    /** Page-level stores for {@code def-store}/{@code use-store}, one set per evaluation. */
    public Map<String, Object> stores() {
        if (stores == null) stores = new HashMap<>();
        return stores;
    }
}
