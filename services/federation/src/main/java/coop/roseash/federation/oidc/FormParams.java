package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFC 6749 §3.1/§3.2: a parameter sent twice is an invalid request, an empty one counts as absent. */
final class FormParams {
    private FormParams() {
    }

    /** Parses an application/x-www-form-urlencoded body; bad percent-encoding is the client's error, not ours. */
    static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        if (body == null || body.isBlank()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.add(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidRequest("the body is not valid application/x-www-form-urlencoded");
            }
        }
        return params;
    }

    static Map<String, String> single(MultivaluedMap<String, String> raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            if (e.getValue().size() > 1) {
                throw OAuthError.invalidRequest("parameter " + e.getKey() + " was sent more than once");
            }
            String value = e.getValue().isEmpty() ? null : e.getValue().get(0);
            if (value != null && !value.isEmpty()) {
                params.put(e.getKey(), value);
            }
        }
        return params;
    }

    static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }
}
