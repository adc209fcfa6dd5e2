package coop.roseash.sx.eval;

import coop.roseash.sx.SxException;

/**
 * An evaluation ran out of its {@link Budget}. It is an SxException (position and component chain
 * are added as it unwinds), but {@code try-call} and island rendering rethrow it instead of
 * recovering, so SX code cannot catch its way past the limit.
 */
public final class LimitExceeded extends SxException {
    public LimitExceeded(String message) { super(message); }
}
