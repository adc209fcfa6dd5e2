package coop.roseash.sx.cli;

import coop.roseash.sx.SxEngine;
import coop.roseash.sx.printer.Printer;

/** Runs source the way the {@code sx} tool does: eval prints the last value, render HTML, aser wire format. */
public final class Runner {
    private final SxEngine engine;

    public Runner(SxEngine engine) { this.engine = engine; }

    /** An engine with no sources and no IO primitives, like the CLI's. */
    public static Runner standalone() { return new Runner(SxEngine.builder().build()); }

    public String run(String mode, String source, String file) {
        return SxEngine.onBigStack(() -> switch (mode) {
            case "eval" -> Printer.print(engine.evalSource(source, file, null));
            case "render" -> engine.renderSource(source, file, null);
            case "aser" -> engine.aserSource(source, file, null);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        });
    }
}
