package coop.roseash.shared.fragments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The context parameters of a fragment request (user_id, container_type, variant, ...), sorted by name,
 * so that the same parameters always give the same signature and the same cache key.
 */
public record FragmentParams(SortedMap<String, String> values) {

    public static final FragmentParams NONE = new FragmentParams(new TreeMap<>());

    public FragmentParams {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** Parameters from a map; null values are dropped (an absent user is no user_id, not "user_id=null"). */
    public static FragmentParams of(Map<String, ?> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, value) -> {
            if (value != null) {
                sorted.put(name, value.toString());
            }
        });
        return new FragmentParams(sorted);
    }

    public static FragmentParams of(String name, Object value) {
        return of(Collections.singletonMap(name, value));
    }

    public String get(String name) {
        return values.get(name);
    }

    /** The parameters as a query (one value per name). */
    public Map<String, List<String>> asQuery() {
        Map<String, List<String>> query = new TreeMap<>();
        values.forEach((name, value) -> query.put(name, List.of(value)));
        return query;
    }

    /** {@code a=1&b=x%20y}: the canonical query of these parameters, as signed and as cached. */
    public String canonicalQuery() {
        return canonicalQuery(asQuery());
    }

    /** Names sorted, the values of a name sorted, both percent-encoded (RFC 3986, space as %20), joined by {@code &}. */
    public static String canonicalQuery(Map<String, ? extends Collection<String>> query) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(query).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> joined.add(encode(name) + "=" + encode(value))));
        return joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
