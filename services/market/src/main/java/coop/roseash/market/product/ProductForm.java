package coop.roseash.market.product;

import coop.roseash.market.page.InvalidMarketInputException;
import coop.roseash.market.page.MarketSlugs;
import coop.roseash.shared.model.market.Product;
import coop.roseash.shared.richtext.RichTextSanitizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The product form as an admin filled it in, every field as typed; {@link #validate()} turns it into what is stored
 * or says, field by field, what to fix. Labels are comma-separated; images one address per line.
 */
public record ProductForm(String title, String slug, String brand, String category, String price, String currency,
                          String vat, String unit, String stock, String labels, String images, String description) {

    static final int MAX_TITLE = 200;
    static final int MAX_NAME = 100;
    static final int MAX_UNIT = 40;
    static final int MAX_LABELS = 20;
    static final int MAX_LABEL = 40;
    static final int MAX_IMAGES = 10;
    static final int MAX_URL = 500;
    static final int MAX_DESCRIPTION = 50_000;
    static final int MAX_STOCK = 1_000_000;

    public static final ProductForm EMPTY = new ProductForm("", "", "", "", "", "GBP", "0", "", "", "", "", "");

    /** The form showing a stored product. */
    public static ProductForm of(Product p) {
        return new ProductForm(p.title, p.slug, nz(p.brand), nz(p.category), Money.plain(p.priceCents), p.currency,
                Money.rate(p.vatRateBp).replace(" %", ""), nz(p.unit), p.stock == null ? "" : p.stock.toString(),
                String.join(", ", p.labels), String.join("\n", p.imageUrls), p.descriptionHtml);
    }

    /** What the form stores, checked and normalised; {@link InvalidMarketInputException} names each field to fix. */
    public Valid validate() {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanTitle = text(title);
        if (cleanTitle.isEmpty()) {
            errors.put("title", "Give the product a name.");
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.put("title", "A name has at most " + MAX_TITLE + " characters.");
        } else if (cleanTitle.chars().anyMatch(Character::isISOControl)) {
            errors.put("title", "A name cannot contain control characters.");
        }
        String cleanSlug = text(slug).isEmpty() ? MarketSlugs.from(cleanTitle) : text(slug);
        if (!errors.containsKey("title") && !MarketSlugs.valid(cleanSlug)) {
            errors.put("slug", "An address is lowercase letters and digits joined by hyphens, such as oat-flakes "
                    + "(at most " + MarketSlugs.MAX_LENGTH + " characters).");
        }
        String cleanBrand = optionalName(brand, "brand", "A brand", MAX_NAME, errors);
        String cleanCategory = optionalName(category, "category", "A category", MAX_NAME, errors);
        Integer cents = Money.parseAmount(price, 6);
        if (text(price).isEmpty()) {
            errors.put("price", "Give the price, VAT included, such as 2.50.");
        } else if (cents == null) {
            errors.put("price", "A price is an amount such as 2 or 2.50: no currency sign, at most two decimals, "
                    + "below a million.");
        }
        String cleanCurrency = text(currency).isEmpty() ? "GBP" : text(currency).toUpperCase(Locale.ROOT);
        if (!cleanCurrency.matches("[A-Z]{3}")) {
            errors.put("currency", "A currency is its three-letter code, such as GBP or EUR.");
        }
        Integer vatBp = text(vat).isEmpty() ? Integer.valueOf(0) : Money.parseAmount(text(vat).replace("%", "").strip(), 3);
        if (vatBp == null || vatBp > 10_000) {
            errors.put("vat", "The VAT rate is a percentage from 0 to 100, such as 20 or 5.5.");
        }
        String cleanUnit = optionalName(unit, "unit", "A unit", MAX_UNIT, errors);
        Integer cleanStock = null;
        if (!text(stock).isEmpty()) {
            if (!text(stock).matches("\\d{1,7}") || Integer.parseInt(text(stock)) > MAX_STOCK) {
                errors.put("stock", "Stock is a whole number of units from 0 to " + MAX_STOCK
                        + ", or empty when it is not counted.");
            } else {
                cleanStock = Integer.parseInt(text(stock));
            }
        }
        List<String> cleanLabels = labels(errors);
        List<String> cleanImages = images(errors);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("description", "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidMarketInputException(errors);
        }
        return new Valid(cleanTitle, cleanSlug, text(slug).isEmpty(), cleanBrand, cleanCategory, cents, cleanCurrency,
                vatBp, cleanUnit, cleanStock, cleanLabels, cleanImages, RichTextSanitizer.sanitize(description));
    }

    /**
     * A checked product form.
     *
     * @param slugMadeUp whether the address was made from the name (the admin left it empty), so another free one
     *                   may be chosen when it is taken
     */
    public record Valid(String title, String slug, boolean slugMadeUp, String brand, String category, int priceCents, String currency,
                        int vatRateBp, String unit, Integer stock, List<String> labels, List<String> imageUrls,
                        String descriptionHtml) {

        Valid withSlug(String newSlug) {
            return new Valid(title, newSlug, false, brand, category, priceCents, currency, vatRateBp, unit, stock, labels,
                    imageUrls, descriptionHtml);
        }

        void applyTo(Product p) {
            p.title = title;
            p.slug = slug;
            p.brand = brand;
            p.category = category;
            p.priceCents = priceCents;
            p.currency = currency;
            p.vatRateBp = vatRateBp;
            p.unit = unit;
            p.stock = stock;
            p.labels = new ArrayList<>(labels);
            p.imageUrls = new ArrayList<>(imageUrls);
            p.descriptionHtml = descriptionHtml;
        }
    }

    private List<String> labels(Map<String, String> errors) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        for (String part : text(labels).split(",")) {
            String label = part.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (label.isEmpty()) {
                continue;
            }
            if (label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl)) {
                errors.put("labels", "A label has at most " + MAX_LABEL + " characters and no control characters.");
                return List.of();
            }
            found.add(label);
        }
        if (found.size() > MAX_LABELS) {
            errors.put("labels", "A product has at most " + MAX_LABELS + " labels.");
        }
        return List.copyOf(found);
    }

    private List<String> images(Map<String, String> errors) {
        List<String> found = new ArrayList<>();
        for (String line : text(images).split("\\R")) {
            String url = line.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (!webAddress(url)) {
                errors.put("images", "Each image is a web address starting with https:// or http://, one per line "
                        + "(at most " + MAX_URL + " characters).");
                return List.of();
            }
            found.add(url);
        }
        if (found.size() > MAX_IMAGES) {
            errors.put("images", "A product has at most " + MAX_IMAGES + " images.");
        }
        return found;
    }

    private static boolean webAddress(String url) {
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String optionalName(String typed, String field, String what, int max, Map<String, String> errors) {
        String value = text(typed).replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            errors.put(field, what + " has at most " + max + " characters.");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, what + " cannot contain control characters.");
        }
        return value;
    }

    private static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
