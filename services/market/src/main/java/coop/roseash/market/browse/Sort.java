package coop.roseash.market.browse;

import java.util.Arrays;
import java.util.Optional;

/** The orders a market page can be browsed in, as written in the query string ({@code sort=price-asc}). */
public enum Sort {
    NEWEST("newest", "Newest first", "created_at DESC, id DESC"),
    PRICE_ASC("price-asc", "Price: low to high", "price_cents, id"),
    PRICE_DESC("price-desc", "Price: high to low", "price_cents DESC, id DESC"),
    TITLE("title", "Name: A to Z", "lower(title), id");

    /** How the query string names it. */
    public final String param;
    /** How the sort menu names it. */
    public final String label;
    /** The ORDER BY of the products query: each matches a browse index of migration V31. */
    final String orderBy;

    Sort(String param, String label, String orderBy) {
        this.param = param;
        this.label = label;
        this.orderBy = orderBy;
    }

    static Optional<Sort> fromParam(String param) {
        return Arrays.stream(values()).filter(sort -> sort.param.equals(param)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(sort -> sort.param).toList());
    }
}
