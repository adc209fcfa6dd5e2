package coop.roseash.sx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.sx.SxEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One engine, many threads rendering at once: every result must equal the single-threaded one. */
class ConcurrencyTest {
    @Test
    void manyThreadsRenderTheSameEngineAtOnce() throws Exception {
        SxEngine e = SxEngine.builder().source("rows.sx", """
                (defcomp ~row (&key i item) (tr :class (if (even? i) "even" "odd") (td i) (td (get item "name"))))
                (defcomp ~table (&key items)
                  (let ((total (reduce + 0 (map (fn (x) (get x "n")) items))))
                    (table (map-indexed (fn (i item) (~row :i i :item item)) items) (tfoot (td total)))))
                """).build();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) items.add(Map.of("name", "item <" + i + ">", "n", i));
        String expected = e.renderComponent("~table", Map.of("items", items), null);
        assertThat(expected).contains("<tfoot><td>1225</td></tfoot>");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                jobs.add(() -> {
                    int ok = 0;
                    for (int k = 0; k < 300; k++) if (e.renderComponent("~table", Map.of("items", items), null).equals(expected)) ok++;
                    return ok;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) total += f.get();
            assertThat(total).isEqualTo(16 * 300);
        } finally {
            pool.shutdownNow();
        }
    }
}
