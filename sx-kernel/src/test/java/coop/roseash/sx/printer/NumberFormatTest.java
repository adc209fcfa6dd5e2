package coop.roseash.sx.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Numbers print the same through format (HTML renderer, str) and append (printer): shortest round-trip text. */
class NumberFormatTest {

    @ParameterizedTest
    @CsvSource({
        "3.0, 3", "-2.0, -2", "-0.0, 0", "0.5, 0.5", "-0.05, -0.05", "0.001, 0.001", "-0.001, -0.001",
        "123.456, 123.456", "0.1, 0.1", "1.05, 1.05", "10.5, 10.5", "99999999.5, 99999999.5",
        "0.30000000000000004, 0.30000000000000004", "1.0E-6, 0.000001", "1.5E-6, 0.0000015", "-1.5E-6, -0.0000015",
        "1.0E-7, 1e-7", "1.5E-7, 1.5e-7", "9.99E-4, 0.000999", "1.0E15, 1e+15", "1.5E15, 1.5e+15", "-1.0E15, -1e+15",
        "9.99999999999999E14, 999999999999999", "1.0E21, 1e+21", "-2.5E21, -2.5e+21", "123456789012.5, 123456789012.5"
    })
    void doublesPrintShortestAndTheSameEitherWay(double d, String expected) {
        assertThat(NumberFormat.format(d)).isEqualTo(expected);
        assertThat(NumberFormat.format((Object) d)).isEqualTo(expected);
        StringBuilder sb = new StringBuilder("x");
        NumberFormat.append(sb, d);
        assertThat(sb).hasToString("x" + expected);
        StringBuilder boxed = new StringBuilder();
        NumberFormat.append(boxed, (Object) d);
        assertThat(boxed).hasToString(expected);
        assertThat(Printer.print(d)).isEqualTo(expected);
    }

    @Test
    void nonFiniteValues() {
        assertThat(NumberFormat.format(Double.NaN)).isEqualTo("NaN");
        assertThat(NumberFormat.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(NumberFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        StringBuilder sb = new StringBuilder();
        NumberFormat.append(sb, Double.NEGATIVE_INFINITY);
        assertThat(sb).hasToString("-Infinity");
    }

    @Test
    void otherNumberTypes() {
        assertThat(NumberFormat.format((Object) 42L)).isEqualTo("42");
        assertThat(NumberFormat.format((Object) 7)).isEqualTo("7");
        assertThat(NumberFormat.format((Object) 0.5f)).isEqualTo("0.5");
        assertThat(NumberFormat.format((Object) 2.0f)).isEqualTo("2");
        assertThat(NumberFormat.format(new BigDecimal("1.50"))).isEqualTo("1.50");
        StringBuilder sb = new StringBuilder();
        NumberFormat.append(sb, (Object) Long.MIN_VALUE);
        NumberFormat.append(sb, (Object) " ".length());
        NumberFormat.append(sb, (Object) 0.25f);
        assertThat(sb).hasToString(Long.MIN_VALUE + "10.25");
    }
}
