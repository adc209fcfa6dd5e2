package coop.roseash.events.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Reads typed form fields, refusing what is not a value with a message a person understands. */
public final class Forms {

    /** Entries and exceptions are kept within these years: a typo like 20266 is refused, not stored. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private Forms() {
    }

    public static String required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(label + " is required.");
        }
        return value.strip();
    }

    public static LocalDate date(String value, String label) {
        try {
            LocalDate d = LocalDate.parse(required(value, label));
            if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
                throw new InvalidInput(label + " must be between " + FIRST_YEAR + " and " + LAST_YEAR + ".");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidInput(label + " must be a date like 2026-12-24.");
        }
    }

    public static LocalTime time(String value, String label) {
        try {
            return LocalTime.parse(required(value, label));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(label + " must be a time like 19:30.");
        }
    }

    /** An optional whole number; null when blank. */
    public static Integer optionalInt(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(label + " must be a whole number.");
        }
    }

    public static int requiredInt(String value, String label) {
        Integer n = optionalInt(value, label);
        if (n == null) {
            throw new InvalidInput(label + " is required.");
        }
        return n;
    }

    /** A price typed as pounds and pence ("12.50", "0", "7") in cents. */
    public static int priceCents(String value, String label) {
        String v = required(value, label);
        if (!v.matches("\\d{1,6}(\\.\\d{1,2})?")) {
            throw new InvalidInput(label + " must be an amount like 12.50, not negative.");
        }
        return new java.math.BigDecimal(v).movePointRight(2).intValueExact();
    }

    /** A date that is real but checked against the year range (used for URL path dates). */
    public static LocalDate pathDate(String value) {
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
                throw new InvalidInput(404, "There is no calendar page for that date.");
            }
            return d;
        } catch (DateTimeException e) {
            throw new InvalidInput(404, "There is no calendar page for that date.");
        }
    }
}
