package coop.roseash.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Renders the 20-row "stocks" page in SX, Qute, jte and Thymeleaf; throughput in pages per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StocksBenchmark {
    private List<Stock> rows;
    private Function<List<Stock>, String> sx;
    private Function<List<Stock>, String> qute;
    private Function<List<Stock>, String> jte;
    private Function<List<Stock>, String> thymeleaf;

    @Setup
    public void setUp() {
        rows = Stock.rows();
        sx = StocksRenderers.sx();
        qute = StocksRenderers.qute();
        jte = StocksRenderers.jte();
        thymeleaf = StocksRenderers.thymeleaf();
        SameOutputCheck.requireSamePage(rows, sx, qute, jte, thymeleaf);
    }

    @Benchmark
    public String sx() {
        return sx.apply(rows);
    }

    @Benchmark
    public String qute() {
        return qute.apply(rows);
    }

    @Benchmark
    public String jte() {
        return jte.apply(rows);
    }

    @Benchmark
    public String thymeleaf() {
        return thymeleaf.apply(rows);
    }
}
