package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;

import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Lambda;
import coop.roseash.sx.value.Macro;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.Signal;
import coop.roseash.sx.value.Symbol;
import coop.roseash.sx.value.WireNode;
import java.util.List;
import java.util.Map;

/** {@code type-of} and the type predicates. */
public final class Types {
    private Types() {}

    public static String typeOf(Object v) {
        if (v == null) return "nil";
        if (v instanceof Number) return "number";
        if (v instanceof String) return "string";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Symbol) return "symbol";
        if (v instanceof Keyword) return "keyword";
        if (v instanceof List) return "list";
        if (v instanceof Map) return "dict";
        if (v instanceof Lambda || v instanceof Primitive) return "lambda";
        if (v instanceof Macro) return "macro";
        if (v instanceof Component c) return c.isIsland() ? "island" : "component";
        if (v instanceof Signal) return "signal";
        if (v instanceof RawHtml || v instanceof WireNode) return "raw-html";
        return "unknown";
    }

    static void install() {
        def("type-of", 1, 1, (a, cx) -> typeOf(a[0]));
        def("nil?", 1, 1, (a, cx) -> a[0] == null);
        def("boolean?", 1, 1, (a, cx) -> a[0] instanceof Boolean);
        def("number?", 1, 1, (a, cx) -> a[0] instanceof Number);
        def("string?", 1, 1, (a, cx) -> a[0] instanceof String);
        def("symbol?", 1, 1, (a, cx) -> a[0] instanceof Symbol);
        def("keyword?", 1, 1, (a, cx) -> a[0] instanceof Keyword);
        def("list?", 1, 1, (a, cx) -> a[0] instanceof List);
        def("dict?", 1, 1, (a, cx) -> a[0] instanceof Map);
        def("fn?", 1, 1, (a, cx) -> a[0] instanceof Lambda || a[0] instanceof Primitive);
        def("empty?", 1, 1, (a, cx) -> {
            Object v = a[0];
            return v == null || (v instanceof String s && s.isEmpty()) || (v instanceof List<?> l && l.isEmpty())
                    || (v instanceof Map<?, ?> m && m.isEmpty());
        });
    }
}
