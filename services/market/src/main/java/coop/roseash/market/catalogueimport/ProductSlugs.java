package coop.roseash.market.catalogueimport;

import coop.roseash.shared.model.market.Product;

import java.text.Normalizer;
import java.util.Locale;

/** Slugs for imported products: the title's, else title and code, else numbered; unique across {@code products}. */
final class ProductSlugs {

    private static final int MAX_LENGTH = 80;

    private ProductSlugs() {
    }

    static String forNew(String title, String code) {
        String base = slug(title, "product");
        if (free(base)) {
            return base;
        }
        String withCode = base + "-" + slug(code, "item");
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? withCode : withCode + "-" + n;
            if (free(candidate)) {
                return candidate;
            }
        }
    }

    /** Lower-case ASCII words joined by hyphens ({@code ^[a-z0-9]+(-[a-z0-9]+)*$}). */
    static String slug(String text, String fallback) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        s = s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH).replaceAll("-+$", "") : s;
        return s.isEmpty() ? fallback : s;
    }

    private static boolean free(String slug) {
        return Product.count("slug", slug) == 0;
    }
}
