package coop.roseash.sx.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The results of one evaluation's IO calls, in call order. When a deep evaluation is rerun on a
 * big stack, the rerun makes the same IO calls in the same order (SX is pure between them), so it
 * replays the recorded results instead of repeating the side effects (database reads, fragment
 * fetches, response headers).
 */
public final class IoJournal {
    private final List<Object> results = new ArrayList<>();
    private int replayed;

    /** Starts replaying from the first recorded call. */
    public IoJournal replay() {
        replayed = 0;
        return this;
    }

    Object call(Supplier<Object> io) {
        if (replayed < results.size()) {
            Object recorded = results.get(replayed++);
            if (recorded instanceof Failure f) throw f.error;
            return recorded;
        }
        try {
            Object result = io.get();
            results.add(result);
            replayed++;
            return result;
        } catch (RuntimeException e) {
            results.add(new Failure(e));
            replayed++;
            throw e;
        }
    }

    private record Failure(RuntimeException error) {
    }
}
