package coop.roseash.sx.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import coop.roseash.sx.SxException;
import coop.roseash.sx.cli.Runner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gives a ReaderException with a position, never a hang or a StackOverflowError. */
class ReaderFuzzTest {
    @Property(tries = 3000)
    void arbitraryTextEitherReadsOrFailsWithAPosition(@ForAll("sourceLike") String text) {
        try {
            Reader.readAll(text, "fuzz.sx");
        } catch (ReaderException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).contains(" at fuzz.sx:");
        }
    }

    @Property(tries = 1000)
    void arbitraryTextRunsOrFailsWithAnSxError(@ForAll("sourceLike") String text) {
        try {
            Runner.standalone().run("eval", text, "fuzz.sx");
        } catch (SxException e) {
            assertThat(e.message()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> sourceLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("()[]{}\"'`,@#;:\\ \n\tabc-123.e+~").ofMaxLength(60),
                Arbitraries.strings().withCharRange('\0', '\u001f').ofMaxLength(10));
    }

    @Test
    void hundredThousandNestedOpenParens() {
        String text = "(".repeat(100_000);
        ReaderException e = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(ReaderException.class, () -> Reader.readAll(text, "deep.sx")));
        assertThat(e.getMessage()).isEqualTo("lists nested deeper than 1000 at deep.sx:1:1001");
    }

    @Test
    void hundredThousandBalancedNestedParens() {
        String text = "(".repeat(100_000) + ")".repeat(100_000);
        assertThatThrownBy(() -> Reader.readAll(text, null)).isInstanceOf(ReaderException.class).hasMessageContaining("nested deeper");
    }

    @Test
    void longFlatInputReadsQuickly() {
        String text = "(list " + "1 ".repeat(200_000) + ")";
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(Reader.readAll(text, null)).hasSize(1));
    }

    @Test
    void hugeNumbers() {
        assertThatThrownBy(() -> Reader.readAll("(+ 1 99999999999999999999999)", null)).hasMessage("number too large: 99999999999999999999999 at 1:6");
        assertThatThrownBy(() -> Reader.readAll("1e999", null)).hasMessage("number too large: 1e999 at 1:1");
        assertThat(Reader.readOne("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Reader.readOne("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void controlCharacters() {
        assertThatThrownBy(() -> Reader.readAll("(a\n  b\u0007)", null)).hasMessage("unexpected character U+0007 in b at 2:3");
        assertThat(Reader.readOne("\"bell\u0007 inside a string is data\"")).isEqualTo("bell\u0007 inside a string is data");
    }

    @Test
    void invalidUtf8InAFileIsPositioned() {
        byte[] bytes = "(p \"ok\")\n(p \"x".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        assertThatThrownBy(() -> SourceFiles.decode(bad, "bad.sx")).isInstanceOf(ReaderException.class)
                .hasMessage("invalid UTF-8 at bad.sx:2:6");
    }
}
