package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;
import static coop.roseash.sx.primitives.Args.idx;
import static coop.roseash.sx.primitives.Args.str;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.render.Html;
import coop.roseash.sx.value.SxList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** String primitives; indices are zero-based UTF-16 positions, ends exclusive. */
final class Strings {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*(-?[0-9]+)");
    private static final Pattern LEADING_FLOAT = Pattern.compile("^\\s*(-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)");

    private Strings() {}

    static void install() {
        Primitive str = def("str", 0, -1, (a, cx) -> {
            if (a.length == 1 && a[0] instanceof String s) return s;
            StringBuilder sb = new StringBuilder(32);
            for (Object o : a) {
                if (o instanceof String t) sb.append(t);
                else sb.append(Printer.display(o));
            }
            return sb.toString();
        });
        str.withTwo((x, y, cx) -> x instanceof String s && y instanceof String t
                ? s.concat(t) : str.call(new Object[] {x, y}, cx)); // a prefix and a value: one copy
        def("upper", 1, 1, (a, cx) -> str("upper", a[0]).toUpperCase(Locale.ROOT));
        def("lower", 1, 1, (a, cx) -> str("lower", a[0]).toLowerCase(Locale.ROOT));
        def("trim", 1, 1, (a, cx) -> str("trim", a[0]).strip());
        def("split", 2, 2, (a, cx) -> split(str("split", a[0]), str("split", a[1])));
        def("join", 2, 2, (a, cx) -> {
            String sep = str("join", a[0]);
            StringBuilder sb = new StringBuilder();
            List<?> items = Args.list("join", a[1]);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) sb.append(sep);
                sb.append(Printer.display(items.get(i)));
            }
            return sb.toString();
        });
        def("replace", 3, 3, (a, cx) -> {
            String from = str("replace", a[1]);
            if (from.isEmpty()) throw new SxException("replace: empty search string");
            return str("replace", a[0]).replace(from, str("replace", a[2]));
        });
        def("starts-with?", 2, 2, (a, cx) -> str("starts-with?", a[0]).startsWith(str("starts-with?", a[1])));
        def("ends-with?", 2, 2, (a, cx) -> str("ends-with?", a[0]).endsWith(str("ends-with?", a[1])));
        def("string-contains?", 2, 2, (a, cx) -> str("string-contains?", a[0]).contains(str("string-contains?", a[1])));
        def("substring", 2, 3, (a, cx) -> {
            String s = str("substring", a[0]);
            int start = clamp(idx("substring", a[1]), s.length());
            int end = a.length > 2 ? clamp(idx("substring", a[2]), s.length()) : s.length();
            return start >= end ? "" : s.substring(start, end);
        });
        def("pluralize", 2, 3, (a, cx) -> {
            Number n = Args.num("pluralize", a[0]);
            String one = str("pluralize", a[1]);
            String many = a.length > 2 ? str("pluralize", a[2]) : one + "s";
            return n.doubleValue() == 1 ? one : many;
        });
        def("escape", 1, 1, (a, cx) -> {
            StringBuilder sb = new StringBuilder();
            Html.escapeAttr(sb, Printer.display(a[0]));
            return sb.toString();
        });
        def("strip-tags", 1, 1, (a, cx) -> TAG.matcher(str("strip-tags", a[0])).replaceAll(""));
        def("parse-int", 1, 1, (a, cx) -> {
            if (a[0] instanceof Number n) return Args.isInt(n) ? n : (Object) (long) n.doubleValue();
            Matcher m = LEADING_INT.matcher(str("parse-int", a[0]));
            if (!m.find()) return null;
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new SxException("parse-int: number too large");
            }
        });
        def("parse-float", 1, 1, (a, cx) -> {
            if (a[0] instanceof Number n) return n.doubleValue();
            Matcher m = LEADING_FLOAT.matcher(str("parse-float", a[0]));
            if (!m.find()) return null;
            return Double.parseDouble(m.group(1));
        });
        def("format-decimal", 2, 2, (a, cx) -> {
            double x = Args.dbl("format-decimal", a[0]);
            if (Double.isNaN(x) || Double.isInfinite(x)) throw new SxException("format-decimal: not a finite number");
            return new BigDecimal(x).setScale(idx("format-decimal", a[1]), RoundingMode.HALF_UP).toPlainString();
        });
        def("format-date", 2, 2, (a, cx) -> Dates.format(str("format-date", a[0]), str("format-date", a[1])));
    }

    static int clamp(int i, int len) { return Math.max(0, Math.min(i, len)); }

    static SxList split(String s, String sep) {
        List<Object> out = new ArrayList<>();
        if (sep.isEmpty()) {
            for (int i = 0; i < s.length(); i++) out.add(String.valueOf(s.charAt(i)));
            return SxList.copyOf(out);
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) break;
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return SxList.copyOf(out);
    }
}
