package coop.roseash.bench;

import java.util.List;
import java.util.function.Function;

/**
 * Refuses to benchmark engines that render different pages: whitespace between tags differs by engine,
 * so pages are compared after collapsing whitespace around tags.
 */
public final class SameOutputCheck {
    private SameOutputCheck() {
    }

    @SafeVarargs
    public static void requireSamePage(List<Stock> rows, Function<List<Stock>, String>... renderers) {
        String reference = normalise(renderers[0].apply(rows));
        if (!reference.contains("<td>20</td>") || !reference.contains("class=\"minus\"")) {
            throw new IllegalStateException("reference page lacks its 20 rows:\n" + reference);
        }
        for (int i = 1; i < renderers.length; i++) {
            String other = normalise(renderers[i].apply(rows));
            if (!other.equals(reference)) {
                throw new IllegalStateException("renderer " + i + " renders a different page:\n" + other + "\n--- reference ---\n" + reference);
            }
        }
    }

    static String normalise(String html) {
        return html.replaceAll("\\s+", " ")
                .replaceAll(" ?(<[^>]+>) ?", "$1")
                .replace(" class=\"\"", "")
                .replaceAll("<meta[^>]*>", "<meta>")
                .trim();
    }

    /** Prints each engine's normalised page: {@code java -cp target/benchmarks.jar coop.roseash.bench.SameOutputCheck}. */
    public static void main(String[] args) {
        List<Stock> rows = Stock.rows();
        System.out.println("sx:        " + normalise(StocksRenderers.sx().apply(rows)));
        System.out.println("qute:      " + normalise(StocksRenderers.qute().apply(rows)));
        System.out.println("jte:       " + normalise(StocksRenderers.jte().apply(rows)));
        System.out.println("thymeleaf: " + normalise(StocksRenderers.thymeleaf().apply(rows)));
    }
}
