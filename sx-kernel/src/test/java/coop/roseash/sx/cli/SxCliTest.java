package coop.roseash.sx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sx tool's commands, output and error format (§10, §11). */
class SxCliTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private Result sx(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SxCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void evalRenderAndAser() throws Exception {
        String f = file("page.sx", "(defcomp ~card (&key title) (div :class \"card\" (h2 title)))\n(~card :title (str \"a\" \"<b>\"))\n");
        assertThat(sx("render", f)).isEqualTo(new Result(0, "<div class=\"card\"><h2>a&lt;b&gt;</h2></div>\n", ""));
        assertThat(sx("aser", f)).isEqualTo(new Result(0, "(~card :title \"a<b>\")\n", ""));
        assertThat(sx("eval", file("n.sx", "(define x 2) (* x 21)"))).isEqualTo(new Result(0, "42\n", ""));
    }

    @Test
    void errorsNameFileLineColumnAndComponents() throws Exception {
        String f = file("bad.sx", "(defcomp ~inner () (p (/ 1 0)))\n(defcomp ~outer () (div (~inner)))\n(~outer)\n");
        Result r = sx("render", f);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: Division by zero at " + f + ":1:23\n  in ~inner\n  in ~outer\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void readerErrorsAndUndeclaredIo() throws Exception {
        assertThat(sx("eval", file("r.sx", "(list 1\n  \"abc")).err()).isEqualTo("error: unterminated string at " + dir.resolve("r.sx") + ":2:3\n");
        assertThat(sx("render", file("io.sx", "(p \"x\")\n(p (current-user))")).err())
                .startsWith("error: Undeclared IO primitive: current-user at " + dir.resolve("io.sx") + ":2:4");
    }

    @Test
    void checkReportsEveryProblem() throws Exception {
        String a = file("a.sx", "(defcomp ~a () (div (~b) (~c)))\n(p (now))\n(p \"x");
        String b = file("b.sx", "(defcomp ~b () (p))");
        Result r = sx("check", a, b);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("error: unterminated string at " + a + ":3:4")
                .contains("error: Undeclared IO primitive: now at " + a + ":2:4")
                .contains("error: Unknown component: ~c at " + a + ":1:26")
                .doesNotContain("~b at");
        assertThat(sx("check", b)).isEqualTo(new Result(0, "ok\n", ""));
    }

    @Test
    void anEndlessLoopEndsWithTheEvaluationLimitError() throws Exception {
        String f = file("spin.sx", "(define (spin i) (spin (+ i 1)))\n(spin 0)\n");
        Result r = sx("eval", f);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).matches("error: Evaluation (step limit exceeded \\(100000000 steps\\)|time limit exceeded \\(10000 ms\\)) at "
                + java.util.regex.Pattern.quote(f) + ":1:18\n");
    }

    @Test
    void usage() {
        assertThat(sx().status()).isEqualTo(2);
        assertThat(sx("frobnicate", "x").status()).isEqualTo(2);
        assertThat(sx("eval", dir.resolve("missing.sx").toString()).status()).isEqualTo(2);
    }
}
