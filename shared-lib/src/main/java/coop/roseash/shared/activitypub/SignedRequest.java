package coop.roseash.shared.activitypub;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incoming request as signature verification sees it: method, scheme and authority it was sent to, path with query
 * (as sent), headers (names case-insensitive, repeated values joined with ", ") and body.
 */
public record SignedRequest(String method, String scheme, String authority, String pathAndQuery, Map<String, String> headers,
                            byte[] body) {

    public SignedRequest {
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = lower;
        body = body == null ? new byte[0] : body;
    }

    /** Joins repeated header values as HTTP allows. */
    public static Map<String, String> join(Map<String, List<String>> multi) {
        Map<String, String> joined = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        multi.forEach((name, values) -> joined.put(name, String.join(", ", values)));
        return joined;
    }

    public String path() {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** The query with its {@code ?} ({@code ?} alone when there is none), as RFC 9421's {@code @query}. */
    public String query() {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? "?" : pathAndQuery.substring(q);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
