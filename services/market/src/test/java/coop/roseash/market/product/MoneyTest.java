package coop.roseash.market.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prices and VAT in whole pennies: what the product page and the admin form show and read. */
class MoneyTest {

    @Test
    void formatsAmountsWithTheCurrencysSymbolOrCode() {
        assertThat(Money.format(250, "GBP")).isEqualTo("£2.50");
        assertThat(Money.format(5, "EUR")).isEqualTo("€0.05");
        assertThat(Money.format(123456, "USD")).isEqualTo("$1234.56");
        assertThat(Money.format(1000, "CHF")).isEqualTo("10.00 CHF");
    }

    @Test
    void theVatIncludedInAPriceIsRoundedHalfUpToAPenny() {
        assertThat(Money.vatIncluded(250, 2000)).isEqualTo(42);   // 41.67
        assertThat(Money.vatIncluded(120, 2000)).isEqualTo(20);   // exact
        assertThat(Money.vatIncluded(105, 500)).isEqualTo(5);     // exact
        assertThat(Money.vatIncluded(21, 500)).isEqualTo(1);      // 1.0 exactly
        assertThat(Money.vatIncluded(63, 2000)).isEqualTo(11);    // 10.5 rounds up
        assertThat(Money.vatIncluded(999, 0)).isZero();
        assertThat(Money.vatIncluded(100_000_000, 10_000)).isEqualTo(50_000_000);
    }

    @Test
    void ratesReadAsPeopleWriteThem() {
        assertThat(Money.rate(2000)).isEqualTo("20 %");
        assertThat(Money.rate(550)).isEqualTo("5.5 %");
        assertThat(Money.rate(1275)).isEqualTo("12.75 %");
        assertThat(Money.rate(0)).isEqualTo("0 %");
    }

    @Test
    void typedAmountsAreReadOrRefused() {
        assertThat(Money.parseAmount("2", 6)).isEqualTo(200);
        assertThat(Money.parseAmount(" 2.5 ", 6)).isEqualTo(250);
        assertThat(Money.parseAmount("0.05", 6)).isEqualTo(5);
        assertThat(Money.parseAmount("999999.99", 6)).isEqualTo(99_999_999);
        for (String bad : new String[] {"", "-1", "1.234", "£2", "2,50", "1e3", "1000000", ".5", "abc"}) {
            assertThat(Money.parseAmount(bad, 6)).as(bad).isNull();
        }
    }
}
