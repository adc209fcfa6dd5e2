package coop.roseash.market.product;

import java.util.Map;

/**
 * Prices as the market shows them. A price is stored VAT-inclusive in minor units (pence) with the VAT rate included
 * in basis points beside it (migration V31); everything here is whole-number arithmetic.
 */
public final class Money {

    private static final Map<String, String> SYMBOLS = Map.of("GBP", "£", "EUR", "€", "USD", "$");

    private Money() {
    }

    /** {@code 250, "GBP"} is "£2.50"; a currency without a symbol here is written after the amount ("2.50 CHF"). */
    public static String format(long cents, String currency) {
        String amount = (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
        String symbol = SYMBOLS.get(currency);
        return symbol != null ? symbol + amount : amount + " " + currency;
    }

    /** The VAT part of a VAT-inclusive price: price × rate / (1 + rate), rounded half up to a whole penny. */
    public static long vatIncluded(long priceCents, int vatRateBp) {
        if (vatRateBp <= 0) {
            return 0;
        }
        long numerator = priceCents * vatRateBp;
        long denominator = 10_000L + vatRateBp;
        return (2 * numerator + denominator) / (2 * denominator);
    }

    /** A rate in basis points as people write it: 2000 is "20 %", 550 is "5.5 %". */
    public static String rate(int vatRateBp) {
        String whole = Integer.toString(vatRateBp / 100);
        int rest = vatRateBp % 100;
        if (rest == 0) {
            return whole + " %";
        }
        String fraction = String.format("%02d", rest).replaceAll("0+$", "");
        return whole + "." + fraction + " %";
    }

    /**
     * An amount typed by a person ("2", "2.5", "2.50") in minor units, or null when it is not one (negative, more
     * than two decimals, letters, more than {@code maxWhole} digits before the point).
     */
    public static Integer parseAmount(String typed, int maxWhole) {
        if (typed == null) {
            return null;
        }
        String value = typed.strip();
        if (!value.matches("\\d{1," + maxWhole + "}(\\.\\d{1,2})?")) {
            return null;
        }
        int point = value.indexOf('.');
        if (point < 0) {
            return Integer.parseInt(value) * 100;
        }
        String fraction = (value.substring(point + 1) + "0").substring(0, 2);
        return Integer.parseInt(value.substring(0, point)) * 100 + Integer.parseInt(fraction);
    }

    /** Minor units as a person would type them back into a form: 250 is "2.50". */
    public static String plain(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
