package coop.roseash.sx.island;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The signal runtime of one evaluation: dependency tracking, batching and effects. On the server
 * ({@code render}, {@code aser}) effects are created but never run.
 */
public final class Reactive {
    private final boolean effectsRun;
    private Signal.Observer current;
    private int batchDepth;
    private final List<Effect> pending = new ArrayList<>();

    public Reactive(boolean effectsRun) { this.effectsRun = effectsRun; }

    static boolean isCallable(Object o) { return o instanceof Lambda || o instanceof Primitive; }

    Object tracking(Signal.Observer o, Supplier<Object> body) {
        Signal.Observer saved = current;
        current = o;
        try {
            return body.get();
        } finally {
            current = saved;
        }
    }

    public Object deref(Object x, EvalContext cx) {
        if (!(x instanceof Signal s)) return x;
        if (current != null) {
            s.subscribe(current);
            if (current instanceof Computed c && !c.deps.contains(s)) c.deps.add(s);
            if (current instanceof Effect e) e.track(s);
        }
        return s instanceof Computed c ? c.get(this, cx) : s.peek();
    }

    public Object reset(Object s, Object v) {
        if (!(s instanceof Signal sig)) throw new SxException("reset! expects a signal");
        sig.set(v);
        flushIfIdle();
        return v;
    }

    public Signal computed(Object thunk) { return new Computed(thunk); }

    /** Runs the effect now (when effects run here) and returns its disposer. */
    public Object effect(Object thunk, EvalContext cx) {
        Effect e = new Effect(thunk, this, cx);
        if (effectsRun) e.run();
        return new Primitive("dispose-effect", 0, 0, (args, c) -> {
            e.dispose();
            return null;
        });
    }

    public Object batch(Object thunk, EvalContext cx) {
        batchDepth++;
        try {
            return Evaluator.apply(thunk, new Object[0], cx);
        } finally {
            batchDepth--;
            flushIfIdle();
        }
    }

    void schedule(Effect e) {
        if (!effectsRun) return;
        if (!pending.contains(e)) pending.add(e);
    }

    private void flushIfIdle() {
        if (batchDepth > 0) return;
        while (!pending.isEmpty()) {
            Effect e = pending.remove(0);
            e.run();
        }
    }

    public Object dispose(Object x, EvalContext cx) {
        if (x instanceof Effect e) e.dispose();
        else if (x instanceof Signal s) s.clearSubscribers();
        else if (isCallable(x)) Evaluator.apply(x, new Object[0], cx);
        return null;
    }
}
