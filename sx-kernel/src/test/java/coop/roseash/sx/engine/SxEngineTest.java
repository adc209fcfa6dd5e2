package coop.roseash.sx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.roseash.sx.IoPrimitive;
import coop.roseash.sx.RouteMatch;
import coop.roseash.sx.SxEngine;
import coop.roseash.sx.SxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host API of API.md: loading, IO primitives, boundary values, wire format, routes, errors. */
class SxEngineTest {
    enum Status { DRAFT, PUBLISHED }

    record Post(String title, LocalDate createdAt, Status status) {}

    record Host(String user) {}

    static SxEngine engine() {
        return SxEngine.builder()
                .classpath("sx-test")
                .io(IoPrimitive.of("current-user", List.of(), (ctx, args) -> Map.of("name", ((Host) ctx.host()).user())))
                .build();
    }

    @Test
    void recordsBecomeDictsWithKebabCaseKeysDatesAndEnumsBecomeStrings() {
        String html = engine().renderComponent("~blog/card",
                Map.of("post", new Post("A <b>", LocalDate.of(2024, 3, 5), Status.PUBLISHED)), null);
        assertThat(html).isEqualTo("<article class=\"card\"><h2>A &lt;b&gt;</h2><p>2024-03-05</p><p>PUBLISHED</p></article>");
    }

    @Test
    void listsOfRecordsRenderThroughMap() {
        String html = engine().renderComponent("~blog/list",
                Map.of("posts", List.of(new Post("one", LocalDate.of(2024, 1, 1), Status.DRAFT),
                        new Post("two", LocalDate.of(2024, 1, 2), Status.DRAFT))), null);
        assertThat(html).startsWith("<ul><li><article class=\"card\"><h2>one</h2>").contains("<h2>two</h2>").endsWith("</li></ul>");
    }

    @Test
    void ioPrimitivesSeeTheHostObject() {
        assertThat(engine().renderComponent("~blog/whoami", Map.of(), new Host("ann")))
                .isEqualTo("<p>Signed in as ann</p>");
    }

    @Test
    void ioPrimitiveArityIsChecked() {
        assertThatThrownBy(() -> engine().renderSource("(p (current-user 1))", new Host("x")))
                .isInstanceOf(SxException.class).hasMessageContaining("current-user expects 0 args, got 1");
    }

    @Test
    void undeclaredIoIsALoadTimeErrorWithNameAndPosition() {
        assertThatThrownBy(() -> SxEngine.builder().source("a.sx", "(defcomp ~a ()\n  (p (csrf-token)))").build())
                .isInstanceOf(SxException.class)
                .hasMessageContaining("Undeclared IO primitive: csrf-token at a.sx:2:6");
    }

    @Test
    void buildReportsEveryProblem() {
        assertThatThrownBy(() -> SxEngine.builder()
                .source("a.sx", "(defcomp ~a () (p (now)))")
                .source("b.sx", "(defcomp ~b () (~missing))")
                .source("c.sx", "(p \"unterminated")
                .build())
                .isInstanceOf(SxException.class)
                .hasMessageContaining("3 problems")
                .hasMessageContaining("Undeclared IO primitive: now at a.sx:1:19")
                .hasMessageContaining("Unknown component: ~missing at b.sx:1:16")
                .hasMessageContaining("unterminated string at c.sx:1:4");
    }

    @Test
    void errorsCarryPositionAndComponentChain() {
        SxEngine e = SxEngine.builder()
                .source("x.sx", "(defcomp ~inner (&key n)\n  (p (/ n 0)))\n(defcomp ~outer () (div (~inner :n 1)))")
                .build();
        SxException ex = org.junit.jupiter.api.Assertions.assertThrows(SxException.class, () -> e.renderComponent("~outer", Map.of(), null));
        assertThat(ex.message()).isEqualTo("Division by zero");
        assertThat(ex.file()).isEqualTo("x.sx");
        assertThat(ex.line()).isEqualTo(2);
        assertThat(ex.column()).isEqualTo(6);
        assertThat(ex.componentChain()).containsExactly("~inner", "~outer");
        assertThat(ex.getMessage()).isEqualTo("Division by zero at x.sx:2:6\n  in ~inner\n  in ~outer");
    }

    @Test
    void unknownComponentAndUnknownKeyword() {
        assertThatThrownBy(() -> engine().renderComponent("~nope", Map.of(), null)).hasMessageContaining("Unknown component: ~nope");
        assertThatThrownBy(() -> engine().renderComponent("~blog/card", Map.of("titel", "x"), null))
                .hasMessageContaining("~blog/card has no parameter :titel");
    }

    @Test
    void aserExpandsIoComponentsAndSerializesTheRest() {
        SxEngine e = engine();
        assertThat(e.aserComponent("~blog/header", Map.of(), new Host("bo"))).isEqualTo("(header (p \"Signed in as \" \"bo\"))");
        assertThat(e.aserSource("(~blog/card :post {:title \"t\"})", null)).isEqualTo("(~blog/card :post {:title \"t\"})");
        assertThat(e.aserSource("(~blog/likes :count 3)", null)).isEqualTo("(~blog/likes :count 3)");
    }

    @Test
    void clientDefinitionsLeaveOutServerOnlyComponentsAndHashIsStable() {
        SxEngine e = engine();
        String defs = e.clientComponentDefinitions();
        assertThat(defs).contains("(defcomp ~blog/card").contains("(defisland ~blog/likes").contains("(defcomp ~layout");
        assertThat(defs).doesNotContain("~blog/whoami (").doesNotContain("(defcomp ~blog/header");
        assertThat(e.componentsHash()).hasSize(32).isEqualTo(engine().componentsHash());
        SxEngine other = SxEngine.builder().source("a.sx", "(defcomp ~a () (p))").build();
        assertThat(other.componentsHash()).isNotEqualTo(e.componentsHash());
    }

    @Test
    void routesMatchFirstInDefinitionOrder() {
        SxEngine e = engine();
        RouteMatch m = e.matchRoute("GET", "/posts/hello%20there").orElseThrow();
        assertThat(m.kind()).isEqualTo(RouteMatch.Kind.PAGE);
        assertThat(m.name()).isEqualTo("post-page");
        assertThat(m.params()).containsEntry("slug", "hello there");
        assertThat(e.renderPage(m, null)).isEqualTo("<h1>HELLO THERE</h1>");
        assertThat(e.aserPage(m, null)).isEqualTo("(h1 \"HELLO THERE\")");
        assertThat(e.matchRoute("GET", "/nothing")).isEmpty();
        assertThat(e.matchRoute("POST", "/posts/x")).isEmpty();
    }

    @Test
    void pageLayoutWrapsContentAndAuthIsExposed() {
        SxEngine e = engine();
        RouteMatch m = e.matchRoute("GET", "/admin/").orElseThrow();
        assertThat(m.auth()).isEqualTo("admin");
        assertThat(m.layout()).isEqualTo("~layout");
        assertThat(e.renderPage(m, null)).isEqualTo("<main id=\"layout\"><p>admin</p></main>");
    }

    @Test
    void handlersMatchTheirMethodDefaultToCsrfAndRunWithArguments() {
        SxEngine e = engine();
        RouteMatch m = e.matchRoute("POST", "/posts/abc/like").orElseThrow();
        assertThat(m.kind()).isEqualTo(RouteMatch.Kind.HANDLER);
        assertThat(m.csrf()).isTrue();
        assertThat(m.method()).isEqualTo("POST");
        assertThat(e.runHandler(m, Map.of("count", "41"), null)).isEqualTo("(p \"abc: 42\")");
    }

    @Test
    void evalSourceReturnsBoundaryValues() {
        Object v = engine().evalSource("(list 1 2.5 \"s\" {:a true} nil)", null);
        assertThat(v).isInstanceOf(List.class);
        List<?> l = (List<?>) v;
        assertThat(l.get(0)).isEqualTo(1L);
        assertThat(l.get(1)).isEqualTo(2.5);
        assertThat(l.get(3)).isEqualTo(Map.of("a", true));
        assertThat(l.get(4)).isNull();
    }

    @Test
    void rendersMustNotMutateTheSharedGlobalEnvironment() {
        SxEngine e = SxEngine.builder().source("a.sx", "(define counter 0) (defcomp ~bump () (do (set! counter 1) (p counter)))").build();
        assertThatThrownBy(() -> e.renderComponent("~bump", Map.of(), null)).hasMessageContaining("Cannot set! counter");
        assertThat(e.renderSource("(do (define counter 5) (p counter))", null)).isEqualTo("<p>5</p>");
        assertThat(e.renderSource("(p counter)", null)).isEqualTo("<p>0</p>");
    }

    @Test
    void deepRecursionFromAnOrdinaryThreadAndTheConfigurableLimit() {
        String src = "(define (depth n) (if (= n 0) 0 (+ 1 (depth (- n 1))))) (depth 10000)";
        assertThat(engine().evalSource(src, null)).isEqualTo(10000L);
        SxEngine limited = SxEngine.builder().maxDepth(500).build();
        assertThatThrownBy(() -> limited.evalSource(src, null)).hasMessageContaining("Recursion too deep");
        assertThat(limited.evalSource("(define (loop i) (if (= i 0) \"done\" (loop (- i 1)))) (loop 1000000)", null)).isEqualTo("done");
    }

    @Test
    void deeplyNestedComponentsRender() {
        SxEngine e = SxEngine.builder().source("a.sx", "(defcomp ~nest (&key n) (if (= n 0) (b \"x\") (i (~nest :n (- n 1)))))").build();
        String html = e.renderComponent("~nest", Map.of("n", 3000), null);
        assertThat(html).startsWith("<i><i><i>").contains("<b>x</b>").hasSize(3000 * 7 + 8);
    }

    @Test
    void deepEvaluationRerunOnABigStackDoesNotRepeatIoCalls() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        SxEngine engine = SxEngine.builder()
                .source("count.sx", "(defcomp ~count (&key) (p \"x\"))")
                .io(IoPrimitive.of("now", List.of(), (ctx, args) -> calls.incrementAndGet()))
                .build();
        // the IO call comes first, then a recursion deep enough to move the evaluation to a big stack
        Object result = engine.evalSource(
                "(let ((n (now))) (define (down k) (if (= k 0) 0 (+ 1 (down (- k 1))))) (+ n (down 2000)))", null);
        assertThat(((Number) result).longValue()).isEqualTo(2001);
        assertThat(calls).as("the host's IO ran once, not again on the rerun").hasValue(1);
    }

    @Test
    void letFramesBindInOrderAndStayMutable() {
        SxEngine e = SxEngine.builder().build();
        // each value sees the earlier bindings only, an outer name until it is rebound
        assertThat(e.evalSource("(let ((x 1)) (let ((y x) (x 2) (z x)) (list y x z)))", null)).isEqualTo(List.of(1L, 2L, 2L));
        assertThat(e.evalSource("(let (a 1 b (+ a 1)) (list a b))", null)).isEqualTo(List.of(1L, 2L));
        assertThat(e.evalSource("(let ((x 1) (x 2)) x)", null)).isEqualTo(2L);
        // a define inside an initial value or the body joins the let's frame
        assertThat(e.evalSource("(let ((a (do (define d 5) d)) (b (+ d 1))) (define c 3) (list a b c d))", null))
                .isEqualTo(List.of(5L, 6L, 3L, 5L));
        // closures share the frame: set! is seen by every one, twice in a row
        String counter = "(define (make) (let ((n 0)) (fn () (set! n (+ n 1)) n))) (define c (make)) (c) (c)";
        assertThat(e.evalSource(counter, null)).isEqualTo(2L);
        assertThat(e.evalSource(counter, null)).isEqualTo(2L);
        assertThat(e.evalSource("(let ((a 1) (b 2) (c 3) (d 4) (e 5) (f 6) (g 7) (h 8) (i 9) (j 10)) (define k 11) (+ a j k))", null))
                .isEqualTo(22L);
    }

    @Test
    void oneAndTwoArgumentPrimitiveCallsMeanWhatTheGeneralCallsMean() {
        SxEngine e = SxEngine.builder().build();
        // get, +, <, str called with two arguments take a path without an argument array
        assertThat(e.evalSource("(list (get {:a 1} \"a\") (get {:a 1} \"b\") (get {:a 1} :a) (get nil \"a\") (get (list 5 6) 1))", null))
                .isEqualTo(java.util.Arrays.asList(1L, null, 1L, null, 6L));
        assertThat(e.evalSource("(list (+ 1 2) (+ 1 2.5) (< 1 2) (< \"b\" \"a\") (>= 2 2) (str \"a\" \"b\") (str \"a\" 1) (str \"a\" nil))", null))
                .isEqualTo(List.of(3L, 3.5, true, false, true, "ab", "a1", "a"));
        assertThatThrownBy(() -> e.evalSource("(+ 9223372036854775807 1)", null)).hasMessageStartingWith("Integer overflow in +");
        assertThatThrownBy(() -> e.evalSource("(< 1 \"a\")", null)).hasMessageStartingWith("< expects two numbers or two strings");
        assertThatThrownBy(() -> e.evalSource("(get 5 1)", null)).hasMessageStartingWith("get expects a dict or list");
        // even?, odd? and not called with one argument take a path without an argument array
        assertThat(e.evalSource("(list (even? -3) (even? -4) (odd? -3) (odd? 0) (even? 4.0) (not nil) (not 0))", null))
                .isEqualTo(List.of(false, true, true, false, true, true, false));
        assertThatThrownBy(() -> e.evalSource("(even? 1.5)", null)).hasMessageStartingWith("even? expects an integer");
        // a local binding shadows the primitive
        assertThat(e.evalSource("(let ((get (fn (a b) \"mine\"))) (get {:a 1} \"a\"))", null)).isEqualTo("mine");
    }
}
