package coop.roseash.sx.island;

import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.value.Signal;
import java.util.ArrayList;
import java.util.List;

/** {@code (computed thunk)}: a signal whose value is recomputed lazily when what it read changes. */
public final class Computed extends Signal implements Signal.Observer {
    private final Object thunk;
    private boolean dirty = true;
    final List<Signal> deps = new ArrayList<>(2);

    Computed(Object thunk) {
        super(null);
        this.thunk = thunk;
    }

    Object get(Reactive r, EvalContext cx) {
        if (dirty) {
            for (Signal s : deps) s.unsubscribe(this);
            deps.clear();
            value = r.tracking(this, () -> Evaluator.apply(thunk, new Object[0], cx));
            dirty = false;
        }
        return value;
    }

    @Override
    public void stale() {
        if (!dirty) {
            dirty = true;
            notifySubscribers();
        }
    }

    @Override
    public void set(Object v) { throw new coop.roseash.sx.SxException("A computed signal cannot be reset!"); }
}
