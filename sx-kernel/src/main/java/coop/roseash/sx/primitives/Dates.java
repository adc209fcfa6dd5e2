package coop.roseash.sx.primitives;

import coop.roseash.sx.SxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code format-date}: ISO-8601 input, pattern tokens yyyy MM dd HH mm ss; other text is literal. */
final class Dates {
    private Dates() {}

    static String format(String iso, String pattern) {
        LocalDateTime t = parse(iso);
        return pattern
                .replace("yyyy", pad(t.getYear(), 4))
                .replace("MM", pad(t.getMonthValue(), 2))
                .replace("dd", pad(t.getDayOfMonth(), 2))
                .replace("HH", pad(t.getHour(), 2))
                .replace("mm", pad(t.getMinute(), 2))
                .replace("ss", pad(t.getSecond(), 2));
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        while (s.length() < width) s = "0" + s;
        return s;
    }

    /** Offsets are converted to UTC so every host prints the same instant the same way. */
    private static LocalDateTime parse(String iso) {
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException ignored) {
            // not an offset date-time; try the other ISO shapes
        }
        try {
            return Instant.parse(iso).atOffset(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDate.parse(iso).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new SxException("format-date: not an ISO-8601 date: " + iso);
        }
    }
}
