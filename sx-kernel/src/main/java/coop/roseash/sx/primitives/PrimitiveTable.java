package coop.roseash.sx.primitives;

/** Installs every pure primitive onto its symbol; called once before the first evaluation. */
public final class PrimitiveTable {
    private static volatile boolean installed;

    private PrimitiveTable() {}

    public static synchronized void install() {
        if (installed) return;
        Arithmetic.install();
        Types.install();
        Strings.install();
        Lists.install();
        Dicts.install();
        HigherOrder.install();
        Misc.install();
        Signals.install();
        installed = true;
    }
}
