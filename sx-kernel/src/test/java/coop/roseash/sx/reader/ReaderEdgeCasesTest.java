package coop.roseash.sx.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the reader accepts and how it words what it refuses, at the edges found by mutation testing. */
class ReaderEdgeCasesTest {

    @Test
    void manySiblingListsAreNotNesting() {
        // the depth counter must go down again when a list closes
        assertThat(Reader.readAll("()".repeat(3000), null)).hasSize(3000);
        assertThat(Reader.readOne("(" + "(a) ".repeat(3000) + ")")).isInstanceOf(SxList.class);
    }

    @Test
    void nestingUpToTheLimitReads() {
        int max = Reader.MAX_NESTING;
        assertThat(Reader.readAll("(".repeat(max) + ")".repeat(max), null)).hasSize(1);
        assertThatThrownBy(() -> Reader.readAll("[".repeat(max + 1) + "]".repeat(max + 1), null))
                .hasMessage("lists nested deeper than 1000 at 1:1001");
    }

    @Test
    void unclosedListsNameTheirOpeningBracket() {
        assertThatThrownBy(() -> Reader.readAll("(a", null)).hasMessage("unclosed ( at 1:1");
        assertThatThrownBy(() -> Reader.readAll(" [a", null)).hasMessage("unclosed [ at 1:2");
        assertThatThrownBy(() -> Reader.readAll("{:a 1", null)).hasMessage("unclosed { at 1:1");
        assertThatThrownBy(() -> Reader.readAll("(a]", null)).hasMessage("unexpected ] (expected )) at 1:3");
        assertThatThrownBy(() -> Reader.readAll("'", null)).hasMessage("missing form after ' at 1:1");
        assertThatThrownBy(() -> Reader.readAll("(,@)", null)).hasMessage("missing form after ,@ at 1:2");
    }

    @Test
    void lettersAndDigitsOfAnyScriptMakeSymbols() {
        assertThat(Reader.readOne("caf\u00e9")).isSameAs(Symbol.of("caf\u00e9"));
        assertThat(Reader.readOne("\u65e5\u672c\u0663")).isSameAs(Symbol.of("\u65e5\u672c\u0663"));
        assertThat(Reader.readOne(":\u00fcber")).isSameAs(Keyword.of("\u00fcber"));
        // characters outside the BMP (a surrogate pair) are allowed too
        assertThat(Reader.readOne("a\uD83C\uDF39")).isSameAs(Symbol.of("a\uD83C\uDF39"));
    }

    @Test
    void otherCharactersAreRefusedAndQuotedInTheMessage() {
        assertThatThrownBy(() -> Reader.readAll("a\u20ac", null)).hasMessage("unexpected character '\u20ac' in a at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\u20ac", null)).hasMessage("unexpected character '\u20ac' at 1:1");
        assertThatThrownBy(() -> Reader.readAll("a\u00a7", null)).hasMessage("unexpected character '\u00a7' in a at 1:1");
        assertThatThrownBy(() -> Reader.readAll("a|b", null)).hasMessage("unexpected character '|' in a at 1:1");
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        assertThatThrownBy(() -> Reader.readAll("a\u007f", null)).hasMessage("unexpected character U+007F in a at 1:1");
        assertThatThrownBy(() -> Reader.readAll("a\u0085", null)).hasMessage("unexpected character U+0085 in a at 1:1");
        assertThatThrownBy(() -> Reader.readAll("a\u0001", null)).hasMessage("unexpected character U+0001 in a at 1:1");
        assertThatThrownBy(() -> Reader.readAll("a\u001b", null)).hasMessage("unexpected character U+001B in a at 1:1");
    }

    @Test
    void badEscapesShowTheCharacterOrItsCodePoint() {
        assertThatThrownBy(() -> Reader.readAll("\"\\!\"", null)).hasMessage("bad escape \\! in string at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"\\~\"", null)).hasMessage("bad escape \\~ in string at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"\\ \"", null)).hasMessage("bad escape \\' ' in string at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"\\\u007f\"", null)).hasMessage("bad escape \\U+007F in string at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"\\\u0001\"", null)).hasMessage("bad escape \\U+0001 in string at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"\\\uD800\"", null)).hasMessage("bad escape \\U+D800 in string at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"\\\u00e9\"", null)).hasMessage("bad escape \\'\u00e9' in string at 1:1");
    }

    @Test
    void stringEscapesReadAsTheirCharacters() {
        assertThat(Reader.readOne("\"\\n\\t\\r\\0\\\"\\\\\\u00e9\\u003C\"")).isEqualTo("\n\t\r\0\"\\\u00e9<");
        assertThatThrownBy(() -> Reader.readAll("\"\\u12\"", null))
                .hasMessage("bad escape \\u in string (expected 4 hex digits) at 1:1");
        assertThatThrownBy(() -> Reader.readAll("\"abc\\", null)).hasMessage("unterminated string at 1:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.", "1.e5", "1e", "1e+", "1E-", "-", "-.5", ".5", "1..2", "1e5.0", "0x10", ""})
    void malformedNumbersAreNotNumbers(String token) {
        assertThat(NumberSyntax.isNumber(token)).as(token).isFalse();
        assertThat(NumberSyntax.isInteger(token)).as(token).isFalse();
    }

    @Test
    void numberKinds() {
        assertThat(NumberSyntax.isInteger("12")).isTrue();
        assertThat(NumberSyntax.isInteger("-0")).isTrue();
        assertThat(NumberSyntax.isNumber("1.5")).isTrue();
        assertThat(NumberSyntax.isInteger("1.5")).isFalse();
        assertThat(NumberSyntax.isNumber("1e5")).isTrue();
        assertThat(NumberSyntax.isInteger("1e5")).isFalse();
        assertThat(NumberSyntax.isNumber("-2.5E+3")).isTrue();
        assertThat(NumberSyntax.isInteger("-2.5E+3")).isFalse();
    }

    @Test
    void malformedNumbersAreReaderErrors() {
        assertThatThrownBy(() -> Reader.readAll("1.", null)).hasMessage("invalid number 1. at 1:1");
        assertThatThrownBy(() -> Reader.readAll("(+ 1e)", null)).hasMessage("invalid number 1e at 1:4");
        assertThatThrownBy(() -> Reader.readAll("-1x", null)).hasMessage("invalid number -1x at 1:1");
        assertThat(Reader.readOne("-x")).isSameAs(Symbol.of("-x"));
        assertThat(Reader.readOne("1e3")).isEqualTo(1000.0);
        assertThat(Reader.readOne("-7")).isEqualTo(-7L);
    }

    @Test
    void dictLiteralsTakeKeywordOrStringKeys() {
        Object d = Reader.readOne("{:a 1 \"b c\" 2}");
        assertThat(d).isInstanceOf(SxDict.class);
        assertThat(((SxDict) d)).containsExactly(java.util.Map.entry("a", 1L), java.util.Map.entry("b c", 2L));
        assertThatThrownBy(() -> Reader.readAll("{:a}", null)).hasMessage("odd number of forms in dict literal at 1:1");
        assertThatThrownBy(() -> Reader.readAll("{1 2}", null)).hasMessage("dict literal keys must be keywords or strings at 1:1");
    }

    @Test
    void oneFormExactly() {
        assertThatThrownBy(() -> Reader.readOne("1 2")).hasMessage("expected one form, found 2 at 1:1");
        assertThatThrownBy(() -> Reader.readOne("")).hasMessage("expected one form, found 0 at 1:1");
    }

    @Test
    void positionsPrintWithAndWithoutAFile() {
        assertThat(new SourcePos("a.sx", 2, 3)).hasToString("a.sx:2:3");
        assertThat(new SourcePos(null, 2, 3)).hasToString("2:3");
    }

    @Test
    void formsBeforeAnErrorAreKept() {
        ReaderException e = org.assertj.core.api.Assertions.catchThrowableOfType(ReaderException.class,
                () -> Reader.readAll("(a) nil (b) )", null));
        assertThat(e.formsBefore()).hasSize(2);
        assertThat(List.copyOf(e.formsBefore()).get(0)).isInstanceOf(SxList.class);
    }
}
