package coop.roseash.sx.printer;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.sx.cli.Runner;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact text {@code serialize} writes: it is the wire format, so not only "reads back equal" but this form. */
class PrinterTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "+", "+x", ":", "a-b", "x/y", "?!", "k:v", "caf\u00e9", "\u65e5\u0663"})
    void keywordShapedKeysPrintAsKeywords(String key) {
        assertThat(Printer.isKeywordName(key)).as(key).isTrue();
        assertThat(Printer.print(dict(key, 1L))).isEqualTo("{:" + key + " 1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "`", "{", "@", "[", "a b", "a\"b", "#", "\u20ac", "a\u0080", "a\u00a0"})
    void otherKeysPrintAsStrings(String key) {
        assertThat(Printer.isKeywordName(key)).as(key).isFalse();
        StringBuilder quoted = new StringBuilder();
        Printer.string(quoted, key);
        assertThat(Printer.print(dict(key, 1L))).isEqualTo("{" + quoted + " 1}");
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(Printer.print("a\"b\\c\nd\te\rf\0g")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\rf\\0g\"");
        assertThat(Printer.print("\u0001\u001f\u007f")).isEqualTo("\"\\u0001\\u001f\\u007f\"");
        assertThat(Printer.print(" ~\u0080\u00e9<&>")).isEqualTo("\" ~\u0080\u00e9<&>\"");
    }

    @Test
    void atomsPrintAsSource() {
        assertThat(Printer.print(null)).isEqualTo("nil");
        assertThat(Printer.print(true)).isEqualTo("true");
        assertThat(Printer.print(false)).isEqualTo("false");
        assertThat(Printer.print(Symbol.of("x-y"))).isEqualTo("x-y");
        assertThat(Printer.print(Keyword.of("k"))).isEqualTo(":k");
        assertThat(Printer.print(42L)).isEqualTo("42");
        assertThat(Printer.print(7)).isEqualTo("7");
        assertThat(Printer.print(2.5)).isEqualTo("2.5");
        assertThat(Printer.print(new RawHtml("<b>\"x\"</b>"))).isEqualTo("(raw! \"<b>\\\"x\\\"</b>\")");
        assertThat(Printer.print(SxList.copyOf(List.of(1L, SxList.copyOf(List.of()), "s")))).isEqualTo("(1 () \"s\")");
    }

    @Test
    void displayIsHowStrShowsAValue() {
        assertThat(Printer.display("plain \"text\"")).isEqualTo("plain \"text\"");
        assertThat(Printer.display(null)).isEmpty();
        assertThat(Printer.display(Keyword.of("name"))).isEqualTo("name");
        assertThat(Printer.display(Symbol.of("sym"))).isEqualTo("sym");
        assertThat(Printer.display(1.5)).isEqualTo("1.5");
        assertThat(Printer.display(SxList.copyOf(List.of("a")))).isEqualTo("(\"a\")");
    }

    @Test
    void functionsAndComponentsPrintAsOpaqueNames() {
        Runner runner = Runner.standalone();

        assertThat(Printer.print(new Lambda("add", null, new Object[0], null))).isEqualTo("<lambda add>");
        assertThat(Printer.print(new Macro("twice", null, new Object[0], null))).isEqualTo("<macro twice>");
        assertThat(runner.run("eval", "(define (add a b) (+ a b)) add", null)).isEqualTo("<lambda add>");
        assertThat(runner.run("eval", "(defmacro twice (x) (list 'do x x)) twice", null)).isEqualTo("<macro twice>");
        assertThat(runner.run("eval", "(defcomp ~card (&key title) (p title)) ~card", null)).isEqualTo("<component ~card>");
        assertThat(runner.run("eval", "(defisland ~counter (&key n) (p n)) ~counter", null)).isEqualTo("<island ~counter>");
        assertThat(Printer.print(new Object() {
            @Override
            public String toString() { return "thing"; }
        })).isEqualTo("<thing>");
    }

    @Test
    void entriesAndItemsUseTheirSeparators() {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", 2L);
        Structures.entries(sb, m, "=", ", ", (b, k) -> b.append(k), Printer::print);
        sb.append(" | ");
        Structures.items(sb, List.of(1L, 2L, 3L), ",", Printer::print);

        assertThat(sb).hasToString("a=1, b=2 | 1,2,3");
    }

    private static SxDict dict(String key, Object value) {
        SxDict d = new SxDict();
        d.put(key, value);
        return d;
    }
}
