package coop.roseash.sx.reader;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the printer writes reads back equal (§1), over generated values. */
class PrintReadPropertiesTest {
    @Property(tries = 2000)
    void printThenReadIsEqual(@ForAll("values") Object v) {
        String printed = Printer.print(v);
        Object back = Reader.readOne(printed);
        assertThat(Equality.equal(v, back)).as("%s read back as %s", printed, Printer.print(back)).isTrue();
        assertThat(Printer.print(back)).isEqualTo(printed);
    }

    @Property(tries = 5000)
    void doublesPrintInShortestRoundTripForm(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return;
        String printed = Printer.print(d);
        Object back = Reader.readOne(printed);
        assertThat(((Number) back).doubleValue()).isEqualTo(d == 0 ? 0.0 : d);
        String digits = printed.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "").replaceFirst("^0+", "");
        assertThat(digits.length()).as(printed).isLessThanOrEqualTo(17);
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(this::atoms, this::containers, 4);
    }

    private Arbitrary<Object> atoms() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(x -> (Object) x),
                Arbitraries.doubles().filter(d -> !d.isNaN() && !d.isInfinite()).map(x -> (Object) x),
                Arbitraries.strings().ofMaxLength(20).map(x -> (Object) x),
                Arbitraries.of(true, false).map(x -> (Object) x),
                Arbitraries.just(null),
                names().map(n -> (Object) Symbol.of(n)),
                names().map(n -> (Object) Keyword.of(n)));
    }

    private Arbitrary<Object> containers(Arbitrary<Object> inner) {
        Arbitrary<Object> lists = inner.list().ofMaxSize(5).map(l -> (Object) SxList.copyOf(l));
        Arbitrary<Object> dicts = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), inner).ofMaxSize(4)
                .map(m -> (Object) new SxDict(m));
        return Arbitraries.oneOf(lists, dicts);
    }

    /** Names that read back as symbols: not numbers, not true/false/nil, no leading colon or digit. */
    private static Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcxyzAZé~-+*/<>=!?&._%$:").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith(":") && !NumberSyntax.isNumber(s) && !List.of("true", "false", "nil").contains(s)
                        && !(s.startsWith("-") && s.length() > 1 && Character.isDigit(s.charAt(1))));
    }
}
