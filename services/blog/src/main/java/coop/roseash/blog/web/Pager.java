package coop.roseash.blog.web;

import coop.roseash.shared.contracts.blog.Paged;
import jakarta.ws.rs.BadRequestException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

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

    /** Far past any listing here; keeps the row offset ({@code (page - 1) * size}) well inside an int. */
    static final int MAX_PAGE = 100_000;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** A page number from the query: absent, junk or below 1 means page 1; a number past {@link #MAX_PAGE} is a 400. */
    public static int pageNumber(String raw) {
        String value = raw == null ? "1" : raw.strip();
        if (DIGITS.matcher(value).matches() && (value.length() > 9 || Integer.parseInt(value) > MAX_PAGE)) {
            throw new BadRequestException("page " + value + " is past any listing");
        }
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
