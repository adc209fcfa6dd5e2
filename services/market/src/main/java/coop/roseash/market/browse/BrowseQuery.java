package coop.roseash.market.browse;

import coop.roseash.market.product.Money;
import coop.roseash.market.web.InvalidFilterException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a visitor asked a market page for, all of it in the query string so that every result is a link:
 * {@code q} (full-text search), {@code category}, {@code brand}, {@code label} (repeatable: all of them),
 * {@code min_price} and {@code max_price} (amounts like 2.50), {@code in_stock=1}, {@code sort} and {@code page}.
 * Empty values mean "no filter" (what a form sends for a field left blank); values that cannot mean anything are
 * refused with a message ({@link InvalidFilterException}, a 400 page).
 */
public record BrowseQuery(String q, String category, String brand, List<String> labels, Integer minPriceCents,
                          Integer maxPriceCents, boolean inStock, Sort sort, int page) {

    static final int MAX_QUERY = 200;
    static final int MAX_NAME = 100;
    static final int MAX_LABELS = 10;
    /** Far past any real listing; keeps the row offset small and bounded. */
    static final int MAX_PAGE = 10_000;
    /** Prices up to 999,999.99 (six digits before the point). */
    private static final int PRICE_DIGITS = 6;

    public static final BrowseQuery ALL = new BrowseQuery(null, null, null, List.of(), null, null, false, Sort.NEWEST, 1);

    public BrowseQuery {
        labels = List.copyOf(labels);
    }

    /** Reads the query string ({@code UriInfo.getQueryParameters()}); unknown parameters are ignored. */
    public static BrowseQuery parse(Map<String, List<String>> params) {
        String q = first(params, "q");
        if (q != null) {
            q = q.replaceAll("\\p{Cntrl}", " ").strip();
            // nobody types more; it bounds the work one request can ask for
            q = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY).strip() : q;
            q = q.isEmpty() ? null : q;
        }
        String category = name(params, "category", "A category");
        String brand = name(params, "brand", "A brand");
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (String label : params.getOrDefault("label", List.of())) {
            String value = checkedName(label, "A label");
            if (value != null) {
                labels.add(value);
            }
        }
        if (labels.size() > MAX_LABELS) {
            throw new InvalidFilterException("Filter by at most " + MAX_LABELS + " labels at once.");
        }
        Integer min = price(params, "min_price", "The lowest price");
        Integer max = price(params, "max_price", "The highest price");
        if (min != null && max != null && min > max) {
            throw new InvalidFilterException("The highest price (" + Money.plain(max) + ") is below the lowest price ("
                    + Money.plain(min) + "). Swap them, or leave one empty.");
        }
        String stock = first(params, "in_stock");
        boolean inStock = false;
        if (stock != null && !stock.isBlank()) {
            if (!List.of("1", "true", "on").contains(stock.strip())) {
                throw new InvalidFilterException("in_stock is 1 (show only what is in stock) or left out.");
            }
            inStock = true;
        }
        String sortParam = first(params, "sort");
        Sort sort = Sort.NEWEST;
        if (sortParam != null && !sortParam.isBlank()) {
            sort = Sort.fromParam(sortParam.strip()).orElseThrow(() -> new InvalidFilterException(
                    "Products can be sorted by " + Sort.names() + ".")); // never echo the value: it is the visitor's
        }
        return new BrowseQuery(q, category, brand, List.copyOf(labels), min, max, inStock, sort, page(params));
    }

    /** Whether anything narrows the products down (search or a filter); sorting and paging do not. */
    public boolean narrowed() {
        return q != null || category != null || brand != null || !labels.isEmpty() || minPriceCents != null
                || maxPriceCents != null || inStock;
    }

    public BrowseQuery withPage(int newPage) {
        return new BrowseQuery(q, category, brand, labels, minPriceCents, maxPriceCents, inStock, sort, newPage);
    }

    /** Another category (null: all), back on the first page; the other filters stay. */
    public BrowseQuery withCategory(String newCategory) {
        return new BrowseQuery(q, newCategory, brand, labels, minPriceCents, maxPriceCents, inStock, sort, 1);
    }

    /** Another brand (null: all), back on the first page; the other filters stay. */
    public BrowseQuery withBrand(String newBrand) {
        return new BrowseQuery(q, category, newBrand, labels, minPriceCents, maxPriceCents, inStock, sort, 1);
    }

    /** This query as a link: {@code base} plus the query string, defaults left out. */
    public String href(String base) {
        StringJoiner query = new StringJoiner("&");
        add(query, "q", q);
        add(query, "category", category);
        add(query, "brand", brand);
        labels.forEach(label -> add(query, "label", label));
        add(query, "min_price", minPriceCents == null ? null : Money.plain(minPriceCents));
        add(query, "max_price", maxPriceCents == null ? null : Money.plain(maxPriceCents));
        add(query, "in_stock", inStock ? "1" : null);
        add(query, "sort", sort == Sort.NEWEST ? null : sort.param);
        add(query, "page", page == 1 ? null : Integer.toString(page));
        return query.length() == 0 ? base : base + "?" + query;
    }

    /** The lowest price as the filter form shows it back ("2.50"), or null. */
    public String minPrice() {
        return minPriceCents == null ? null : Money.plain(minPriceCents);
    }

    /** The highest price as the filter form shows it back, or null. */
    public String maxPrice() {
        return maxPriceCents == null ? null : Money.plain(maxPriceCents);
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String name(Map<String, List<String>> params, String param, String what) {
        return checkedName(first(params, param), what);
    }

    private static String checkedName(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > MAX_NAME) {
            throw new InvalidFilterException(what + " has at most " + MAX_NAME + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFilterException(what + " cannot contain control characters.");
        }
        return value;
    }

    private static Integer price(Map<String, List<String>> params, String param, String what) {
        String raw = first(params, param);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Integer cents = Money.parseAmount(raw, PRICE_DIGITS);
        if (cents == null) {
            throw new InvalidFilterException(what + " must be an amount such as 2 or 2.50 (no currency sign, "
                    + "at most two decimals).");
        }
        return cents;
    }

    private static int page(Map<String, List<String>> params) {
        String raw = first(params, "page");
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        String value = raw.strip();
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_PAGE) {
            throw new InvalidFilterException("The page is a number from 1 to " + MAX_PAGE + ".");
        }
        return Integer.parseInt(value);
    }
}
