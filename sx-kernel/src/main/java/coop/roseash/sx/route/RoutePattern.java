package coop.roseash.sx.route;

import coop.roseash.sx.SxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A route path such as {@code /blog/<slug>/edit}: literal segments and whole-segment parameters. */
public final class RoutePattern {
    private final String source;
    private final String[] segments;
    private final boolean[] isParam;

    private RoutePattern(String source, String[] segments, boolean[] isParam) {
        this.source = source;
        this.segments = segments;
        this.isParam = isParam;
    }

    public static RoutePattern parse(String path) {
        if (!path.startsWith("/")) throw new SxException("Route path must start with /: " + path);
        String[] parts = split(path);
        boolean[] params = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i];
            if (s.startsWith("<") && s.endsWith(">") && s.length() > 2) {
                params[i] = true;
                parts[i] = s.substring(1, s.length() - 1);
            } else if (s.indexOf('<') >= 0 || s.indexOf('>') >= 0) {
                throw new SxException("A route parameter must be a whole segment: " + path);
            }
        }
        return new RoutePattern(path, parts, params);
    }

    private static String[] split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out.toArray(new String[0]);
    }

    /** Parameter values (URL-decoded) when the path matches, else null. A trailing slash is ignored. */
    public Map<String, String> match(String path) {
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        String[] parts = split(path);
        if (parts.length != segments.length) return null;
        Map<String, String> params = null;
        for (int i = 0; i < parts.length; i++) {
            if (isParam[i]) {
                if (params == null) params = new LinkedHashMap<>();
                params.put(segments[i], URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
            } else if (!segments[i].equals(parts[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    @Override
    public String toString() { return source; }
}
