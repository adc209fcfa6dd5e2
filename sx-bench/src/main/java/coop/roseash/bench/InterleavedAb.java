package coop.roseash.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares SX renders of the stocks page from several {@code benchmarks.jar} builds in one JVM:
 * each build in its own class loader, rendering in turn for a fixed slice of the thread's CPU time,
 * so load from other processes on a shared machine affects all versions alike. Prints the median
 * renders per CPU second of each build, and jte's from the first jar as a reference.
 *
 * <pre>java -cp sx-bench/target/benchmarks.jar coop.roseash.bench.InterleavedAb ROUNDS SLICE_MS A.jar B.jar ...</pre>
 */
public final class InterleavedAb {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_ROUNDS = 3;

    private InterleavedAb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: InterleavedAb ROUNDS SLICE_MS A.jar [B.jar ...]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        long sliceNanos = Long.parseLong(args[1]) * 1_000_000L;
        List<String> names = new ArrayList<>();
        List<Supplier<String>> renders = new ArrayList<>();
        Supplier<String> jte = null;
        for (int i = 2; i < args.length; i++) {
            ClassLoader cl = new URLClassLoader(new URL[] {new File(args[i]).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(cl);
            Object rows = cl.loadClass(Stock.class.getName()).getMethod("rows").invoke(null);
            Class<?> renderers = cl.loadClass(StocksRenderers.class.getName());
            names.add(args[i]);
            renders.add(render(renderers, "sx", rows));
            if (jte == null) jte = render(renderers, "jte", rows);
        }
        names.add("jte (first jar)");
        renders.add(jte);
        String first = renders.get(0).get();
        for (int i = 1; i < renders.size() - 1; i++) {
            if (!renders.get(i).get().equals(first)) throw new IllegalStateException(names.get(i) + " renders another page");
        }
        double[][] perSecond = new double[renders.size()][rounds];
        for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
            for (int i = 0; i < renders.size(); i++) {
                double v = slice(renders.get(i), sliceNanos);
                if (r >= 0) perSecond[i][r] = v;
            }
        }
        for (int i = 0; i < renders.size(); i++) {
            double[] v = perSecond[i].clone();
            Arrays.sort(v);
            System.out.printf("%-40s median %,8.0f renders/CPU-s (min %,.0f, max %,.0f)%n", names.get(i), v[v.length / 2], v[0], v[v.length - 1]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Supplier<String> render(Class<?> renderers, String engine, Object rows) throws Exception {
        Function<Object, String> f = (Function<Object, String>) renderers.getMethod(engine).invoke(null);
        return () -> f.apply(rows);
    }

    /** Renders for one slice of this thread's CPU time; returns renders per CPU second. */
    private static double slice(Supplier<String> render, long sliceNanos) {
        long start = CPU.getCurrentThreadCpuTime();
        long end = start + sliceNanos;
        long count = 0;
        int sink = 0;
        while (CPU.getCurrentThreadCpuTime() < end) {
            for (int k = 0; k < 50; k++) sink += render.get().length();
            count += 50;
        }
        if (sink == 42) System.out.print("");
        return count * 1e9 / (CPU.getCurrentThreadCpuTime() - start);
    }
}
