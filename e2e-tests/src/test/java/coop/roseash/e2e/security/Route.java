package coop.roseash.e2e.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of one service: its method, path template ({@code /admin/posts/{id}}), who it is for, whether it opts out
 * of the CSRF check, and where it is declared (for messages).
 */
record Route(String service, String method, String template, Access access, boolean csrfExempt, String source) {

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    /** Who a route is for: the annotations of coop.roseash.shared.web.access. */
    enum Access {
        PUBLIC("PublicRoute"), MEMBERS("MembersOnly"), ADMIN("AdminOnly"), INTERNAL("InternalRoute");

        final String annotation;

        Access(String annotation) {
            this.annotation = annotation;
        }

        /** An SX route's {@code :auth} (SxRouter.deniedStatus): post-author is granted to admins only. */
        static Access ofSxAuth(String auth) {
            return switch (auth) {
                case "public" -> PUBLIC;
                case "member" -> MEMBERS;
                default -> ADMIN;
            };
        }
    }

    /** The names of the path's parameters, in order. */
    List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    boolean changesState() {
        return !method.equals("GET");
    }

    /** The path with each parameter replaced by the value {@code values} gives its name. */
    String path(Map<String, String> values) {
        Matcher m = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
        }
        m.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return service + " " + method + " " + template + " (" + source + ", " + access + ")";
    }
}
