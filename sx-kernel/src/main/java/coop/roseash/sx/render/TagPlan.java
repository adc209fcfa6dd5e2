package coop.roseash.sx.render;

import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * A tag form analysed once: its attributes and children split apart, and, when every part is a
 * literal, its whole HTML rendered once and reused.
 */
final class TagPlan {
    final AttrInfo[] attrs;
    final Object[] attrForms;
    final Object[] children;
    /** The HTML of a form made only of literals, or null. */
    private final String staticHtml;
    /** Tag names inside a static form; if any becomes a variable somewhere, render normally. */
    private final Symbol[] tagSymbols;

    private TagPlan(AttrInfo[] attrs, Object[] attrForms, Object[] children, String staticHtml, Symbol[] tagSymbols) {
        this.attrs = attrs;
        this.attrForms = attrForms;
        this.children = children;
        this.staticHtml = staticHtml;
        this.tagSymbols = tagSymbols;
    }

    static TagPlan of(SxList l, int start) {
        List<AttrInfo> attrs = new ArrayList<>();
        List<Object> attrForms = new ArrayList<>();
        List<Object> children = new ArrayList<>();
        int n = l.size();
        for (int i = start; i < n; i++) {
            Object item = l.get(i);
            if (item instanceof Keyword k && i + 1 < n) {
                attrs.add(AttrInfo.of(k));
                attrForms.add(l.get(++i));
            } else children.add(item);
        }
        return new TagPlan(attrs.toArray(new AttrInfo[0]), attrForms.toArray(), children.toArray(), null, null);
    }

    TagPlan withStatic(String html, Symbol[] symbols) { return new TagPlan(attrs, attrForms, children, html, symbols); }

    /** The pre-rendered HTML, if this form is static and none of its tag names has become a variable. */
    String staticHtml() {
        if (staticHtml == null) return null;
        for (Symbol s : tagSymbols) if (s.everBound) return null;
        return staticHtml;
    }

    /** True if the form and everything in it are literals and plain tags; collects the tag symbols. */
    static boolean isStatic(Object form, List<Symbol> symbols) {
        if (form == null || form instanceof String || form instanceof Number || form instanceof Boolean) return true;
        if (!(form instanceof SxList l) || l.isEmpty() || !(l.get(0) instanceof Symbol s)) return false;
        if (!(s.tag instanceof TagInfo t) || t.kind != TagInfo.Kind.ELEMENT || s.everBound) return false;
        symbols.add(s);
        for (int i = 1; i < l.size(); i++) {
            Object item = l.get(i);
            if (item instanceof Keyword && i + 1 < l.size()) {
                Object v = l.get(++i);
                if (!(v == null || v instanceof String || v instanceof Number || v instanceof Boolean)) return false;
            } else if (!isStatic(item, symbols)) {
                return false;
            }
        }
        return true;
    }
}
