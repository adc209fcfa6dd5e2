package coop.roseash.sx.render;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Env;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.printer.Structures;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.Signal;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import coop.roseash.sx.value.WireNode;
import java.util.List;
import java.util.Map;

/**
 * The SX wire format (§5.2): control flow, data and IO run here; tags and client-renderable
 * components are written back as SX source with their arguments evaluated.
 */
public final class WireRenderer extends Renderer<WireOut> {
    public static final WireRenderer INSTANCE = new WireRenderer();

    private WireRenderer() {}

    @Override
    public Object tag(SxList form, Env env, EvalContext cx) {
        WireOut out = new WireOut(new StringBuilder(), false);
        tag((TagInfo) ((Symbol) form.get(0)).tag, form, env, cx, out);
        return new WireNode(out.sb.toString());
    }

    @Override
    public Object component(Component c, SxList form, Env env, EvalContext cx) {
        WireOut out = new WireOut(new StringBuilder(), false);
        component(c, form, env, cx, out);
        return out.count() == 1 ? new WireNode(out.sb.toString()) : new WireNode("(<> " + out.sb + ")");
    }

    @Override
    protected void value(Object v, EvalContext cx, WireOut out) {
        if (v == null || v == Boolean.FALSE) return;
        if (v instanceof List<?> l) {
            for (Object o : l) value(o, cx, out);
            return;
        }
        if (v instanceof Signal s) {
            value(cx.reactive.deref(s, cx), cx, out);
            return;
        }
        data(v, cx, out.item());
    }

    /** A value as SX data: lists become {@code (list ...)}, dicts literals; functions cannot cross. */
    private void data(Object v, EvalContext cx, StringBuilder sb) {
        if (v instanceof WireNode w) sb.append(w.source());
        else if (v instanceof RawHtml r) {
            sb.append("(raw! ");
            Printer.string(sb, r.html());
            sb.append(')');
        } else if (v instanceof List<?> l) {
            sb.append(l.isEmpty() ? "(list" : "(list ");
            Structures.items(sb, l, " ", (b, o) -> data(o, cx, b));
            sb.append(')');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Structures.entries(sb, m, " ", " ", Printer::key, (b, o) -> data(o, cx, b));
            sb.append('}');
        } else if (v instanceof Signal s) data(cx.reactive.deref(s, cx), cx, sb);
        else if (v instanceof Lambda || v instanceof Primitive || v instanceof Macro || v instanceof Component) {
            throw new SxException("A " + coop.roseash.sx.primitives.Types.typeOf(v) + " cannot be sent over the wire");
        } else if (v instanceof Symbol s) {
            sb.append("(quote ").append(s.name).append(')');
        } else Printer.print(sb, v);
    }

    @Override
    protected void tag(TagInfo t, SxList l, Env env, EvalContext cx, WireOut out) {
        StringBuilder sb = out.item();
        sb.append('(').append(t.name);
        int n = l.size();
        int start = 1;
        if (t.kind == TagInfo.Kind.DYNAMIC) {
            if (n < 2) throw new SxException("el expects an element name");
            TagInfo named = Tags.forName(Evaluator.eval(l.get(1), env, cx));
            Printer.string(sb.append(' '), named.name);
            start = 2;
        }
        for (int i = start; i < n; i++) {
            if (l.get(i) instanceof Keyword k && i + 1 < n) {
                sb.append(" :").append(k.name).append(' ');
                data(Evaluator.eval(l.get(++i), env, cx), cx, sb);
            }
        }
        WireOut children = new WireOut(sb, true);
        for (int i = start; i < n; i++) {
            Object item = l.get(i);
            if (item instanceof Keyword && i + 1 < n) i++;
            else render(item, env, cx, children);
        }
        sb.append(')');
    }

    @Override
    protected void component(Component c, SxList l, Env env, EvalContext cx, WireOut out) {
        ComponentCall call = ComponentCall.evaluate(c, l, env, cx, true);
        renderComponent(c, call, cx, out);
    }

    /** Server-only components expand here; the rest are sent as calls for the client to render. */
    public void renderComponent(Component c, ComponentCall call, EvalContext cx, WireOut out) {
        if (c.serverOnly && !c.isIsland()) {
            Env cenv = call.bind(c);
            cx.enter();
            try {
                renderBody(c.bodyList, 0, cenv, cx, out);
            } catch (SxException e) {
                throw e.inComponent(c.name);
            } finally {
                cx.exit();
            }
            return;
        }
        StringBuilder sb = out.item();
        sb.append('(').append(c.name);
        for (Map.Entry<String, Object> e : call.keywordArgs.entrySet()) {
            sb.append(" :").append(e.getKey()).append(' ');
            data(e.getValue(), cx, sb);
        }
        WireOut children = new WireOut(sb, true);
        for (Object child : call.children) value(child, cx, children);
        sb.append(')');
    }
}
