package coop.roseash.market.page;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Slugs of market pages and products: lowercase words joined by hyphens, as the blog's. */
public final class MarketSlugs {

    public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    public static final int MAX_LENGTH = 100;
    /** First path segments this service serves itself, which a market page's slug must not take. */
    private static final Set<String> RESERVED = Set.of("admin", "auth", "internal", "static", "sx", "q", "api", "p",
            "cart", "bench", "demo", "favicon", "robots", "sitemap", "well-known");

    private MarketSlugs() {
    }

    /** {@code text} as a slug ("Oat flakes, 500 g" is "oat-flakes-500-g"); empty when nothing is left. */
    public static String from(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    public static boolean valid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** Whether a market page may not use {@code slug} because the service serves something there. */
    public static boolean reserved(String slug) {
        return RESERVED.contains(slug);
    }
}
