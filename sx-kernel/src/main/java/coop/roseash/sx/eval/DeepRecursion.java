package coop.roseash.sx.eval;

/**
 * Thrown when an evaluation on an ordinary thread gets deep; the engine reruns the whole
 * evaluation on a thread with a large stack. Not an SxException, so {@code try-call} ignores it.
 */
public final class DeepRecursion extends RuntimeException {
    public DeepRecursion() { super("deep recursion", null, false, false); }
}
