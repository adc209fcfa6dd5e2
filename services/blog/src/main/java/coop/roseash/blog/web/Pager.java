package coop.roseash.blog.web;

import coop.roseash.shared.contracts.blog.Paged;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The pager a listing shows: where it is and the links to the neighbouring pages (null at the ends). */
public record Pager(int page, int pageCount, String previous, String next) {

    /** Links are {@code basePath?page=N}, with {@code extraQuery} (already "name=value") kept in front. */
    public static Pager of(Paged<?> paged, String basePath, String extraQuery) {
        return new Pager(paged.page(), paged.pageCount(),
                paged.hasPrevious() ? link(basePath, extraQuery, paged.page() - 1) : null,
                paged.hasNext() ? link(basePath, extraQuery, paged.page() + 1) : null);
    }

    private static String link(String basePath, String extraQuery, int page) {
        String query = extraQuery == null || extraQuery.isEmpty() ? "" : extraQuery + "&";
        if (page == 1 && query.isEmpty()) {
            return basePath;
        }
        return basePath + "?" + query + "page=" + page;
    }

    /** {@code name=value}, the value percent-encoded, for {@code extraQuery}. */
    public static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A page number from the query: absent, junk or below 1 means page 1. */
    public static int pageNumber(String raw) {
        try {
            return Math.max(1, Integer.parseInt(raw == null ? "1" : raw.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
