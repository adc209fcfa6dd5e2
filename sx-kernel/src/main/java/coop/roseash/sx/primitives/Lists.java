package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;
import static coop.roseash.sx.primitives.Args.idx;
import static coop.roseash.sx.primitives.Args.list;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.value.SxList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** List primitives; lists are immutable, so every operation returns a new list. */
final class Lists {
    private Lists() {}

    static void install() {
        def("list", 0, -1, (a, cx) -> SxList.wrap(a.clone(), null));
        def("first", 1, 1, (a, cx) -> {
            List<?> l = list("first", a[0]);
            return l.isEmpty() ? null : l.get(0);
        });
        def("last", 1, 1, (a, cx) -> {
            List<?> l = list("last", a[0]);
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        def("rest", 1, 1, (a, cx) -> {
            List<?> l = list("rest", a[0]);
            return l.size() <= 1 ? SxList.EMPTY : SxList.copyOf(l.subList(1, l.size()));
        });
        def("nth", 2, 2, (a, cx) -> {
            int i = idx("nth", a[1]);
            if (a[0] instanceof String s) return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : null;
            List<?> l = list("nth", a[0]);
            return i >= 0 && i < l.size() ? l.get(i) : null;
        });
        def("cons", 2, 2, (a, cx) -> {
            List<?> l = list("cons", a[1]);
            Object[] out = new Object[l.size() + 1];
            out[0] = a[0];
            for (int i = 0; i < l.size(); i++) out[i + 1] = l.get(i);
            return SxList.wrap(out, null);
        });
        def("append", 0, -1, (a, cx) -> concat("append", a));
        def("concat", 0, -1, (a, cx) -> concat("concat", a));
        def("reverse", 1, 1, (a, cx) -> {
            List<?> l = list("reverse", a[0]);
            Object[] out = new Object[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = l.get(out.length - 1 - i);
            return SxList.wrap(out, null);
        });
        def("flatten", 1, 1, (a, cx) -> {
            List<Object> out = new ArrayList<>();
            flatten(list("flatten", a[0]), out);
            return SxList.copyOf(out);
        });
        def("range", 1, 3, (a, cx) -> range(a));
        def("sort", 1, 1, (a, cx) -> {
            Object[] out = list("sort", a[0]).toArray();
            Arrays.sort(out, (x, y) -> Arithmetic.compare("sort", x, y));
            return SxList.wrap(out, null);
        });
        def("sort-by", 2, 2, (a, cx) -> {
            List<?> l = list("sort-by", a[1]);
            Object[][] keyed = new Object[l.size()][];
            for (int i = 0; i < keyed.length; i++) keyed[i] = new Object[] {Evaluator.apply(a[0], new Object[] {l.get(i)}, cx), l.get(i)};
            Arrays.sort(keyed, (x, y) -> Arithmetic.compare("sort-by", x[0], y[0]));
            Object[] out = new Object[keyed.length];
            for (int i = 0; i < out.length; i++) out[i] = keyed[i][1];
            return SxList.wrap(out, null);
        });
        def("take", 2, 2, (a, cx) -> {
            List<?> l = list("take", a[1]);
            return SxList.copyOf(l.subList(0, Strings.clamp(idx("take", a[0]), l.size())));
        });
        def("drop", 2, 2, (a, cx) -> {
            List<?> l = list("drop", a[1]);
            return SxList.copyOf(l.subList(Strings.clamp(idx("drop", a[0]), l.size()), l.size()));
        });
        def("distinct", 1, 1, (a, cx) -> {
            List<Object> out = new ArrayList<>();
            for (Object o : list("distinct", a[0])) if (indexOf(out, o) < 0) out.add(o);
            return SxList.copyOf(out);
        });
        def("chunk-every", 2, 2, (a, cx) -> {
            int n = idx("chunk-every", a[0]);
            if (n <= 0) throw new SxException("chunk-every expects a positive size");
            List<?> l = list("chunk-every", a[1]);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i += n) out.add(SxList.copyOf(l.subList(i, Math.min(l.size(), i + n))));
            return SxList.copyOf(out);
        });
        def("zip-pairs", 1, 1, (a, cx) -> {
            List<?> l = list("zip-pairs", a[0]);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i + 1 < l.size(); i += 2) out.add(SxList.of(l.get(i), l.get(i + 1)));
            return SxList.copyOf(out);
        });
        def("contains?", 2, 2, (a, cx) -> {
            if (a[0] instanceof String s) return s.contains(Args.str("contains?", a[1]));
            if (a[0] instanceof Map<?, ?> m) return a[1] instanceof String k && m.containsKey(k);
            return indexOf(list("contains?", a[0]), a[1]) >= 0;
        });
        def("index-of", 2, 2, (a, cx) -> {
            if (a[0] instanceof String s) return (long) s.indexOf(Args.str("index-of", a[1]));
            return (long) indexOf(list("index-of", a[0]), a[1]);
        });
        def("slice", 2, 3, (a, cx) -> {
            int len = a[0] instanceof String s ? s.length() : list("slice", a[0]).size();
            int start = sliceIndex(idx("slice", a[1]), len);
            int end = a.length > 2 && a[2] != null ? sliceIndex(idx("slice", a[2]), len) : len;
            if (a[0] instanceof String s) return start >= end ? "" : s.substring(start, end);
            return start >= end ? SxList.EMPTY : SxList.copyOf(list("slice", a[0]).subList(start, end));
        });
        def("len", 1, 1, (a, cx) -> {
            Object v = a[0];
            if (v instanceof String s) return (long) s.length();
            if (v instanceof Map<?, ?> m) return (long) m.size();
            return (long) list("len", v).size();
        });
        def("apply", 2, -1, (a, cx) -> {
            List<Object> args = new ArrayList<>(Arrays.asList(a).subList(1, a.length - 1));
            args.addAll(list("apply", a[a.length - 1]));
            return Evaluator.apply(a[0], args.toArray(), cx);
        });
    }

    /** Negative indices count from the end, then clamp to the length. */
    private static int sliceIndex(int i, int len) { return Strings.clamp(i < 0 ? len + i : i, len); }

    static int indexOf(List<?> l, Object x) {
        for (int i = 0; i < l.size(); i++) if (Equality.equal(l.get(i), x)) return i;
        return -1;
    }

    private static SxList concat(String fn, Object[] a) {
        List<Object> out = new ArrayList<>();
        for (Object o : a) out.addAll(list(fn, o));
        return SxList.copyOf(out);
    }

    private static void flatten(List<?> l, List<Object> out) {
        for (Object o : l) {
            if (o instanceof List<?> inner) flatten(inner, out);
            else out.add(o);
        }
    }

    private static SxList range(Object[] a) {
        boolean ints = true;
        for (Object o : a) ints &= Args.isInt(Args.num("range", o));
        double start = a.length > 1 ? Args.dbl("range", a[0]) : 0;
        double end = Args.dbl("range", a.length > 1 ? a[1] : a[0]);
        double step = a.length > 2 ? Args.dbl("range", a[2]) : 1;
        if (step == 0) throw new SxException("range step must not be zero");
        double count = Math.ceil((end - start) / step);
        if (count > 10_000_000) throw new SxException("range too large");
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            double v = start + i * step;
            out.add(ints ? (Object) (long) v : (Object) v);
        }
        return SxList.copyOf(out);
    }
}
