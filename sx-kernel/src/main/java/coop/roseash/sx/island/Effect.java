package coop.roseash.sx.island;

import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.value.Signal;
import java.util.ArrayList;
import java.util.List;

/** {@code (effect thunk)}: runs now and again whenever a signal it read changes; may return a cleanup. */
public final class Effect implements Signal.Observer {
    private final Object thunk;
    private final Reactive reactive;
    private final EvalContext cx;
    private final List<Signal> deps = new ArrayList<>(2);
    private Object cleanup;
    private boolean disposed;

    Effect(Object thunk, Reactive reactive, EvalContext cx) {
        this.thunk = thunk;
        this.reactive = reactive;
        this.cx = cx;
    }

    void track(Signal s) { if (!deps.contains(s)) deps.add(s); }

    void run() {
        if (disposed) return;
        runCleanup();
        for (Signal s : deps) s.unsubscribe(this);
        deps.clear();
        Object r = reactive.tracking(this, () -> Evaluator.apply(thunk, new Object[0], cx));
        cleanup = Reactive.isCallable(r) ? r : null;
    }

    private void runCleanup() {
        if (cleanup != null) {
            Object c = cleanup;
            cleanup = null;
            Evaluator.apply(c, new Object[0], cx);
        }
    }

    @Override
    public void stale() { reactive.schedule(this); }

    public void dispose() {
        if (disposed) return;
        disposed = true;
        for (Signal s : deps) s.unsubscribe(this);
        deps.clear();
        runCleanup();
    }
}
