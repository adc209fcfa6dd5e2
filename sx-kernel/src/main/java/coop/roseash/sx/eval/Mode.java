package coop.roseash.sx.eval;

/** What an evaluation produces: a value ({@code sx eval}), HTML, or SX wire format. */
public enum Mode {
    EVAL, RENDER, ASER;

    /** Effects run only when evaluating; server rendering never runs them. */
    public boolean runsEffects() { return this == EVAL; }
}
