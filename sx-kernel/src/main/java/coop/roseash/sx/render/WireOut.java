package coop.roseash.sx.render;

/** A sequence of SX items written into one buffer, separated by single spaces. */
public final class WireOut {
    final StringBuilder sb;
    private final boolean leadingSpace;
    private int count;

    public WireOut(StringBuilder sb, boolean leadingSpace) {
        this.sb = sb;
        this.leadingSpace = leadingSpace;
    }

    /** The buffer, positioned for the next item. */
    StringBuilder item() {
        if (leadingSpace || count > 0) sb.append(' ');
        count++;
        return sb;
    }

    public int count() { return count; }

    @Override
    public String toString() { return sb.toString(); }
}
