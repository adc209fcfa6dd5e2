package coop.roseash.sx;

import coop.roseash.sx.route.HandlerDef;
import coop.roseash.sx.route.PageDef;
import java.util.Map;

/**
 * A matched {@code defpage} or {@code defhandler} with its path parameters. Pass it back to
 * {@link SxEngine#renderPage}, {@link SxEngine#aserPage} or {@link SxEngine#runHandler}.
 */
public record RouteMatch(Kind kind, String name, Map<String, String> params, String auth, String layout,
                         String method, boolean csrf, Object definition) {
    /** Page (SSR or wire content) or handler (wire result). */
    public enum Kind { PAGE, HANDLER }

    public static RouteMatch page(PageDef p, Map<String, String> params) {
        return new RouteMatch(Kind.PAGE, p.name(), params, p.auth(), p.layout(), "GET", false, p);
    }

    public static RouteMatch handler(HandlerDef h, Map<String, String> params) {
        return new RouteMatch(Kind.HANDLER, h.name(), params, "public", null, h.method(), h.csrf(), h);
    }
}
