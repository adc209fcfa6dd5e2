package coop.roseash.market.web;

/**
 * Where a listing is and the links to its neighbours (null at the ends).
 *
 * @param pageCount the number of pages, or null when the listing was only counted up to a cap ("page 3 of many")
 */
public record Pager(int page, Integer pageCount, String previous, String next) {

    public boolean single() {
        return previous == null && next == null;
    }
}
