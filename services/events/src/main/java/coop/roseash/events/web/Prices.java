package coop.roseash.events.web;

import java.util.Locale;

/** Prices as a person reads them: "£12.50" in pounds, "12.50 EUR" otherwise. */
public final class Prices {

    private Prices() {
    }

    public static String text(int cents, String currency) {
        String amount = String.format(Locale.UK, "%d.%02d", cents / 100, cents % 100);
        return "GBP".equals(currency) ? "£" + amount : amount + " " + currency;
    }
}
