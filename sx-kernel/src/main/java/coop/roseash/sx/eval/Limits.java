package coop.roseash.sx.eval;

/**
 * The limits of every evaluation an engine runs (each render, eval and source load).
 *
 * @param maxDepth      deepest non-tail recursion before {@code Recursion too deep}
 * @param maxSteps      most calls (tail calls included) before {@code Evaluation step limit exceeded}; 0 = none
 * @param timeoutMillis longest wall-clock time before {@code Evaluation time limit exceeded}; 0 = none
 */
public record Limits(int maxDepth, long maxSteps, long timeoutMillis) {
    /** Generous enough for any page (a page takes well under a million steps), short enough to free a stuck thread. */
    public static final Limits DEFAULT = new Limits(20_000, 100_000_000L, 10_000L);

    public Limits {
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be positive");
        if (maxSteps < 0 || timeoutMillis < 0) throw new IllegalArgumentException("limits must be 0 (none) or positive");
    }

    /** A fresh budget for one evaluation, its clock starting now. */
    public Budget budget() { return Budget.start(maxSteps, timeoutMillis); }

    public Limits withMaxDepth(int depth) { return new Limits(depth, maxSteps, timeoutMillis); }

    public Limits withMaxSteps(long steps) { return new Limits(maxDepth, steps, timeoutMillis); }

    public Limits withTimeoutMillis(long millis) { return new Limits(maxDepth, maxSteps, millis); }
}
