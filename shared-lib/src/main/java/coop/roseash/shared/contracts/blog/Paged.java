package coop.roseash.shared.contracts.blog;

import java.util.List;

/** One page of a listing: the items and where it is in the whole (page numbers from 1). */
public record Paged<T>(List<T> items, int page, int pageSize, long total) {

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
