package coop.roseash.sx.route;

import coop.roseash.sx.RouteMatch;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** First match in definition order over pages (GET and HEAD) and handlers (their declared method). */
public final class Router {
    private final List<Object> routes;

    public Router(List<Object> routes) { this.routes = List.copyOf(routes); }

    public Optional<RouteMatch> match(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        for (Object r : routes) {
            if (r instanceof PageDef p && (m.equals("GET") || m.equals("HEAD"))) {
                Map<String, String> params = p.path().match(path);
                if (params != null) return Optional.of(RouteMatch.page(p, params));
            } else if (r instanceof HandlerDef h && (h.method().equals(m) || (m.equals("HEAD") && h.method().equals("GET")))) {
                Map<String, String> params = h.path().match(path);
                if (params != null) return Optional.of(RouteMatch.handler(h, params));
            }
        }
        return Optional.empty();
    }

    public List<Object> routes() { return routes; }
}
