package coop.roseash.sx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import coop.roseash.sx.SxEngine;
import coop.roseash.sx.SxException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runaway evaluation ends with an error naming the limit, the position and the components (API.md, budget). */
class EvaluationBudgetTest {
    private static final String TAIL_LOOP = "(define (spin i) (spin (+ i 1)))\n(spin 0)";

    @Test
    void anEndlessTailLoopStopsAtTheStepLimitWithItsPosition() {
        SxEngine e = SxEngine.builder().maxSteps(1_000_000).timeout(Duration.ZERO).build();
        SxException x = catchThrowableOfType(() -> e.evalSource(TAIL_LOOP, "loop.sx", null), SxException.class);
        assertThat(x.message()).isEqualTo("Evaluation step limit exceeded (1000000 steps)");
        assertThat(x.getMessage()).isEqualTo("Evaluation step limit exceeded (1000000 steps) at loop.sx:1:18");
    }

    @Test
    void anEndlessLoopInAComponentNamesTheComponentChain() {
        SxEngine e = SxEngine.builder()
                .source("c.sx", "(defcomp ~inner () (p (let loop ((i 0)) (loop (+ i 1)))))\n(defcomp ~outer () (div (~inner)))")
                .maxSteps(100_000)
                .build();
        SxException x = catchThrowableOfType(() -> e.renderComponent("~outer", Map.of(), null), SxException.class);
        assertThat(x.message()).isEqualTo("Evaluation step limit exceeded (100000 steps)");
        assertThat(x.file()).isEqualTo("c.sx");
        assertThat(x.line()).isEqualTo(1);
        assertThat(x.componentChain()).containsExactly("~inner", "~outer");
    }

    @Test
    void theWallClockDeadlineStopsALoopWithoutAStepLimit() {
        SxEngine e = SxEngine.builder().maxSteps(0).timeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> e.evalSource(TAIL_LOOP, null))
                .isInstanceOf(SxException.class)
                .hasMessageStartingWith("Evaluation time limit exceeded (300 ms)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void tryCallAndIslandsCannotSwallowTheLimit() {
        SxEngine e = SxEngine.builder()
                .source("i.sx", "(defisland ~spinner () (p (let loop () (loop))))")
                .maxSteps(50_000)
                .build();
        assertThatThrownBy(() -> e.evalSource("(let loop () (try-call (fn () (loop))) (loop))", null))
                .hasMessageStartingWith("Evaluation step limit exceeded (50000 steps)");
        assertThatThrownBy(() -> e.renderComponent("~spinner", Map.of(), null))
                .hasMessageStartingWith("Evaluation step limit exceeded (50000 steps)")
                .hasMessageContaining("in ~spinner");
    }

    @Test
    void higherOrderPrimitivesAndMacrosCountTheirCalls() {
        SxEngine e = SxEngine.builder().maxSteps(10_000).build();
        assertThatThrownBy(() -> e.evalSource("(map (fn (i) i) (range 100000))", null))
                .hasMessageStartingWith("Evaluation step limit exceeded (10000 steps)");
        assertThat(e.evalSource("(len (map (fn (i) i) (range 5000)))", null)).isEqualTo(5000L);
    }

    @Test
    void anEndlessLoopInASourceFileFailsTheBuild() {
        assertThatThrownBy(() -> SxEngine.builder().source("bad.sx", "(define x 1)\n(let loop () (loop))").maxSteps(10_000).build())
                .hasMessageStartingWith("Evaluation step limit exceeded (10000 steps) at bad.sx:2:");
    }

    @Test
    void defaultLimitsEndAnEndlessTailLoopAndAnEndlessRecursion() {
        SxEngine e = SxEngine.builder().build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> e.evalSource(TAIL_LOOP, null)).hasMessageMatching("Evaluation (step|time) limit exceeded .*");
        assertThatThrownBy(() -> e.evalSource("(define (down n) (+ 1 (down n))) (down 0)", null))
                .hasMessageStartingWith("Recursion too deep");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aDeepRecursionRerunKeepsCountingTheSameBudget() {
        SxEngine e = SxEngine.builder().maxSteps(5_000).build();
        // deeper than 150 calls, so it is rerun on the big stack: about 150 + 4,900 steps in all, more than allowed
        assertThatThrownBy(() -> e.evalSource("(define (down n) (if (= n 0) 0 (+ 1 (down (- n 1))))) (down 4900)", null))
                .hasMessageStartingWith("Evaluation step limit exceeded (5000 steps)");
        assertThat(e.evalSource("(define (down n) (if (= n 0) 0 (+ 1 (down (- n 1))))) (down 2000)", null)).isEqualTo(2000L);
    }
}
