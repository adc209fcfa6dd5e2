package coop.roseash.sx.render;

import coop.roseash.sx.SxException;
import coop.roseash.sx.value.Symbol;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The HTML and SVG element names; each tag symbol caches its {@link TagInfo}. */
public final class Tags {
    public static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");

    private static final String HTML = "a abbr address area article aside audio b base bdi bdo blockquote body br button "
            + "canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
            + "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label "
            + "legend li link main mark menu meta meter nav noscript object ol optgroup option output p picture pre "
            + "progress q rp rt ruby s samp script search section select slot small source span strong style sub summary sup "
            + "table tbody td template textarea tfoot th thead time title tr track u ul var video wbr";
    private static final String SVG = "svg g path circle ellipse line polyline polygon rect text tspan textPath defs "
            + "use symbol marker mask pattern image linearGradient radialGradient stop clipPath foreignObject desc "
            + "animate animateTransform animateMotion feBlend feColorMatrix feComposite feFlood feGaussianBlur feMerge "
            + "feMergeNode feOffset";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final ConcurrentHashMap<String, TagInfo> DYNAMIC = new ConcurrentHashMap<>();

    private Tags() {}

    public static synchronized void install() {
        for (String n : (HTML + " " + SVG).split(" ")) {
            Symbol.of(n).tag = new TagInfo(n, TagInfo.Kind.ELEMENT, VOID.contains(n));
        }
        Symbol.of("<>").tag = new TagInfo("<>", TagInfo.Kind.FRAGMENT, false);
        Symbol.of("el").tag = new TagInfo("el", TagInfo.Kind.DYNAMIC, false);
    }

    /** The element named at run time by {@code (el "name" ...)}. */
    public static TagInfo forName(Object name) {
        if (!(name instanceof String s) || !NAME.matcher(s).matches()) {
            throw new SxException("el expects an element name, got " + coop.roseash.sx.printer.Printer.print(name));
        }
        TagInfo t = DYNAMIC.get(s);
        if (t != null) return t;
        return DYNAMIC.computeIfAbsent(s, k -> new TagInfo(k, TagInfo.Kind.ELEMENT, VOID.contains(k.toLowerCase(java.util.Locale.ROOT))));
    }
}
