package coop.roseash.sx.render;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Env;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.LimitExceeded;
import coop.roseash.sx.eval.SpecialForm;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.primitives.Json;
import coop.roseash.sx.printer.NumberFormat;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.Signal;
import coop.roseash.sx.value.Symbol;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.WireNode;
import java.util.List;
import java.util.Map;

/** Server-side rendering to HTML (§5.1), written straight into one StringBuilder. */
public final class HtmlRenderer extends Renderer<StringBuilder> {
    public static final HtmlRenderer INSTANCE = new HtmlRenderer();

    private HtmlRenderer() {}

    // ---- value position: a tag or component becomes raw HTML

    @Override
    public Object tag(SxList form, Env env, EvalContext cx) {
        StringBuilder sb = new StringBuilder(64);
        tag((TagInfo) ((Symbol) form.get(0)).tag, form, env, cx, sb);
        return new RawHtml(sb.toString());
    }

    @Override
    public Object component(Component c, SxList form, Env env, EvalContext cx) {
        StringBuilder sb = new StringBuilder(128);
        component(c, form, env, cx, sb);
        return new RawHtml(sb.toString());
    }

    // ---- child position

    @Override
    protected void value(Object v, EvalContext cx, StringBuilder out) {
        if (v == null || v == Boolean.FALSE) return;
        if (v instanceof String s) Html.escapeText(out, s);
        else if (v instanceof RawHtml r) out.append(r.html());
        else if (v instanceof Long n) out.append(n.longValue());
        else if (v instanceof Double d) NumberFormat.append(out, d.doubleValue());
        else if (v instanceof Number) NumberFormat.append(out, v);
        else if (v instanceof List<?> l) {
            for (int i = 0, n = l.size(); i < n; i++) value(l.get(i), cx, out);
        } else if (v instanceof Boolean) out.append("true");
        else if (v instanceof Keyword k) Html.escapeText(out, k.name);
        else if (v instanceof Symbol s) Html.escapeText(out, s.name);
        else if (v instanceof Signal s) value(cx.reactive.deref(s, cx), cx, out);
        else if (v instanceof Map) Html.escapeText(out, Printer.print(v));
        else if (v instanceof WireNode w) Html.escapeText(out, w.source());
        else throw new SxException("Cannot render a " + coop.roseash.sx.primitives.Types.typeOf(v) + " as HTML");
    }

    @Override
    protected void tag(TagInfo t, SxList l, Env env, EvalContext cx, StringBuilder out) {
        int start = 1;
        if (t.kind == TagInfo.Kind.FRAGMENT) {
            renderAll(l, 1, env, cx, out);
            return;
        }
        if (t.kind == TagInfo.Kind.DYNAMIC) {
            if (l.size() < 2) throw new SxException("el expects an element name");
            t = Tags.forName(Evaluator.eval(l.get(1), env, cx));
            start = 2;
        }
        TagPlan plan = start == 1 ? plan(l, cx) : TagPlan.of(l, start);
        String fixed = plan.staticHtml();
        if (fixed != null) {
            out.append(fixed);
            return;
        }
        out.append(t.open);
        AttrInfo[] attrs = plan.attrs;
        Object[] attrForms = plan.attrForms;
        for (int i = 0; i < attrs.length; i++) attribute(attrs[i], attrForms[i], env, cx, out);
        out.append('>');
        Object[] children = plan.children;
        if (t.isVoid) {
            checkVoidChildren(t, children, env, cx);
            return;
        }
        for (Object child : children) render(child, env, cx, out);
        out.append(t.close);
    }

    /** The cached plan of a tag form, made on first render; literal-only forms are rendered once here. */
    private TagPlan plan(SxList l, EvalContext cx) {
        Object cached = l.plan;
        if (cached != null) return (TagPlan) cached;
        TagPlan plan = TagPlan.of(l, 1);
        List<Symbol> symbols = new java.util.ArrayList<>();
        if (TagPlan.isStatic(l, symbols)) {
            l.plan = plan; // a static form renders without consulting any environment
            StringBuilder sb = new StringBuilder();
            tag((TagInfo) ((Symbol) l.get(0)).tag, l, new Env(null), cx, sb);
            plan = plan.withStatic(sb.toString(), symbols.toArray(new Symbol[0]));
        }
        l.plan = plan;
        return plan;
    }

    private void checkVoidChildren(TagInfo t, Object[] children, Env env, EvalContext cx) {
        for (Object item : children) {
            StringBuilder probe = new StringBuilder();
            render(item, env, cx, probe);
            if (probe.length() > 0) throw new SxException("Void element <" + t.name + "> cannot have children");
        }
    }

    private void attribute(AttrInfo a, Object valueForm, Env env, EvalContext cx, StringBuilder out) {
        if (a.kind == AttrInfo.Kind.EVENT) return; // event handlers exist only in the browser renderer
        Object v = attributeValue(valueForm, env, cx);
        if (v instanceof Signal s) v = cx.reactive.deref(s, cx);
        if (a.kind == AttrInfo.Kind.BOOLEAN) {
            if (v != null && v != Boolean.FALSE) out.append(a.prefix);
            return;
        }
        if (v == null || v == Boolean.FALSE) return;
        out.append(a.prefix).append("=\"");
        if (a.kind == AttrInfo.Kind.PLAIN && v instanceof String s) {
            Html.escapeAttr(out, s);
        } else {
            String text = attrText(v);
            if (a.kind == AttrInfo.Kind.URL) text = AttrInfo.safeUrl(text);
            else if (a.kind == AttrInfo.Kind.SRCSET) text = AttrInfo.safeSrcset(text);
            Html.escapeAttr(out, text);
        }
        out.append('"');
    }

    /** Evaluates an attribute value; an {@code if} choosing between literals (a class name) is chosen here. */
    private static Object attributeValue(Object form, Env env, EvalContext cx) {
        if (!(form instanceof SxList l)) return Evaluator.evalAtom(form, env, cx);
        int n = l.size();
        if ((n == 3 || n == 4) && l.get(0) instanceof Symbol hs && hs.special == SpecialForm.IF) {
            boolean c;
            try {
                c = Equality.truthy(Evaluator.eval(l.get(1), env, cx));
            } catch (SxException e) {
                throw e.atIfAbsent(l.pos);
            }
            return Evaluator.eval(c ? l.get(2) : n == 4 ? l.get(3) : null, env, cx);
        }
        return Evaluator.eval(l, env, cx);
    }

    private static String attrText(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Number) return NumberFormat.format(v);
        if (v instanceof RawHtml r) return r.html();
        if (v instanceof Map) return Json.encode(v);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (o == null || o == Boolean.FALSE) continue;
                if (sb.length() > 0) sb.append(' ');
                sb.append(Printer.display(o));
            }
            return sb.toString();
        }
        if (v instanceof Lambda) throw new SxException("Cannot render a lambda as an attribute value");
        return Printer.display(v);
    }

    @Override
    protected void component(Component c, SxList l, Env env, EvalContext cx, StringBuilder out) {
        ComponentCall call = ComponentCall.evaluate(c, l, env, cx, c.isIsland());
        renderComponent(c, call, cx, out);
    }

    /** Renders a component body (islands wrapped in their hydration span) with arguments already evaluated. */
    public void renderComponent(Component c, ComponentCall call, EvalContext cx, StringBuilder out) {
        Env cenv = call.bind(c);
        cx.enter();
        try {
            if (c.isIsland()) island(c, call, cenv, cx, out);
            else renderBody(c.bodyList, 0, cenv, cx, out);
        } catch (SxException e) {
            throw e.inComponent(c.name);
        } finally {
            cx.exit();
        }
    }

    private void island(Component c, ComponentCall call, Env cenv, EvalContext cx, StringBuilder out) {
        out.append("<span data-sx-island=\"");
        Html.escapeAttr(out, c.name.substring(1));
        out.append('"');
        if (!call.keywordArgs.isEmpty()) {
            out.append(" data-sx-state=\"");
            Html.escapeAttr(out, Json.encode(call.keywordArgs));
            out.append('"');
        }
        out.append('>');
        StringBuilder body = new StringBuilder();
        try {
            renderBody(c.bodyList, 0, cenv, cx, body);
            out.append(body);
        } catch (LimitExceeded e) {
            throw e.inComponent(c.name);
        } catch (SxException e) {
            // the browser renders the island from its state instead
        }
        out.append("</span>");
    }
}
