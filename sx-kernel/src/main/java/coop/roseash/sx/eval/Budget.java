package coop.roseash.sx.eval;

/**
 * How much one evaluation may still do: a number of steps (function, lambda and component
 * activations, tail calls included) and a wall-clock deadline. Every unbounded loop in SX goes
 * through a call, so counting calls is enough to stop runaway evaluation. The context draws steps
 * in chunks, so the clock is read only once per chunk. One budget serves a render and its rerun on
 * the big stack (never both at once).
 */
public final class Budget {
    /** Steps handed out at a time; the deadline is checked between chunks. */
    static final int CHUNK = 1 << 14;

    private final long maxSteps;
    private final long timeoutMillis;
    private final long deadline;
    private long left;

    private Budget(long maxSteps, long timeoutMillis) {
        this.maxSteps = maxSteps;
        this.timeoutMillis = timeoutMillis;
        this.deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
        this.left = maxSteps > 0 ? maxSteps : Long.MAX_VALUE;
    }

    /** A budget starting now; {@code 0} for either limit means no limit of that kind. */
    public static Budget start(long maxSteps, long timeoutMillis) { return new Budget(maxSteps, timeoutMillis); }

    /** Steps drawn by a context that ended before taking them. */
    void refund(int unused) {
        if (unused > 0) left += unused;
    }

    /** The next chunk of steps, or the error when a limit is reached. */
    int draw() {
        if (left <= 0) throw new LimitExceeded("Evaluation step limit exceeded (" + maxSteps + " steps)");
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            left = 0; // every later step fails too, so a caught error cannot keep the loop alive
            throw new LimitExceeded("Evaluation time limit exceeded (" + timeoutMillis + " ms)");
        }
        int chunk = (int) Math.min(CHUNK, left);
        left -= chunk;
        return chunk;
    }
}
