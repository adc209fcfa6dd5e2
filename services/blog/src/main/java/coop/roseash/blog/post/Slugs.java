package coop.roseash.blog.post;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Turns titles into URL slugs ({@code ^[a-z0-9]+(-[a-z0-9]+)*$}, the database's rule) and makes them unique. */
public final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** The slug form of {@code text}: accents folded, anything else non-alphanumeric becomes one hyphen. */
    public static String slugify(String text, String fallback) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (folded.length() > MAX_LENGTH) {
            folded = folded.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return folded.isEmpty() ? fallback : folded;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... : the first that {@code taken} says is free. */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
