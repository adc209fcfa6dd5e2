package coop.roseash.cart.web;

import java.math.BigDecimal;

/** An amount in minor units as a person reads it: £12.50, €3.00, 7.25 CHF. */
public final class Money {

    private Money() {
    }

    public static String format(long cents, String currency) {
        String amount = BigDecimal.valueOf(cents, 2).toPlainString();
        return switch (currency == null ? "" : currency) {
            case "GBP" -> "£" + amount;
            case "EUR" -> "€" + amount;
            case "USD" -> "$" + amount;
            default -> amount + " " + currency;
        };
    }
}
