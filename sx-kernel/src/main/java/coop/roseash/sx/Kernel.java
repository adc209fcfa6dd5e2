package coop.roseash.sx;

import coop.roseash.sx.eval.SpecialForm;
import coop.roseash.sx.primitives.PrimitiveTable;
import coop.roseash.sx.render.Tags;

/** Fills the symbol caches (special forms, primitives, tags) once per JVM. */
public final class Kernel {
    private static volatile boolean ready;

    private Kernel() {}

    public static void init() {
        if (ready) return;
        synchronized (Kernel.class) {
            if (ready) return;
            SpecialForm.init();
            PrimitiveTable.install();
            Tags.install();
            ready = true;
        }
    }
}
