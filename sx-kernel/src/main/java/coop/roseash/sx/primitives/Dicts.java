package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;
import static coop.roseash.sx.primitives.Args.dict;
import static coop.roseash.sx.primitives.Args.key;

import coop.roseash.sx.SxException;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dict primitives: string keys in insertion order; every update returns a new dict. */
final class Dicts {
    private Dicts() {}

    static void install() {
        def("dict", 0, -1, (a, cx) -> {
            if (a.length % 2 != 0) throw new SxException("dict expects key value pairs");
            SxDict d = new SxDict(a.length / 2);
            for (int i = 0; i < a.length; i += 2) d.put(key("dict", a[i]), a[i + 1]);
            return d;
        });
        Primitive get = def("get", 2, 3, (a, cx) -> {
            Object dflt = a.length > 2 ? a[2] : null;
            Object c = a[0];
            if (c == null) return dflt;
            if (c instanceof Map<?, ?> m) {
                Object k = a[1] instanceof String ? a[1] : key("get", a[1]);
                Object v = m.get(k);
                return v != null || m.containsKey(k) ? v : dflt;
            }
            if (c instanceof List<?> l) {
                if (!Args.isInt(a[1])) return dflt;
                long i = ((Number) a[1]).longValue();
                return i >= 0 && i < l.size() ? l.get((int) i) : dflt;
            }
            throw Args.type("get", "a dict or list", c);
        });
        get.withTwo((c, k, cx) -> c instanceof Map<?, ?> m && k instanceof String
                ? m.get(k) // a missing key and a nil value both read as nil, the default
                : get.call(new Object[] {c, k}, cx));
        def("keys", 1, 1, (a, cx) -> SxList.copyOf(dict("keys", a[0]).keySet()));
        def("vals", 1, 1, (a, cx) -> SxList.copyOf(dict("vals", a[0]).values()));
        def("has-key?", 2, 2, (a, cx) -> dict("has-key?", a[0]).containsKey(key("has-key?", a[1])));
        def("assoc", 1, -1, (a, cx) -> {
            if (a.length % 2 != 1) throw new SxException("assoc expects a dict then key value pairs");
            SxDict d = new SxDict(dict("assoc", a[0]));
            for (int i = 1; i < a.length; i += 2) d.put(key("assoc", a[i]), a[i + 1]);
            return d;
        });
        def("dissoc", 1, -1, (a, cx) -> {
            SxDict d = new SxDict(dict("dissoc", a[0]));
            for (int i = 1; i < a.length; i++) d.remove(key("dissoc", a[i]));
            return d;
        });
        def("merge", 0, -1, (a, cx) -> {
            SxDict d = new SxDict();
            for (Object o : a) d.putAll(dict("merge", o));
            return d;
        });
        def("into", 2, 2, (a, cx) -> {
            if (a[0] instanceof Map<?, ?> m) {
                SxDict d = new SxDict(dict("into", m));
                if (a[1] instanceof Map<?, ?> src) {
                    d.putAll(dict("into", src));
                    return d;
                }
                for (Object pair : Args.list("into", a[1])) {
                    List<?> p = Args.list("into", pair);
                    if (p.size() != 2) throw new SxException("into a dict expects (key value) pairs");
                    d.put(key("into", p.get(0)), p.get(1));
                }
                return d;
            }
            List<Object> out = new ArrayList<>(Args.list("into", a[0]));
            if (a[1] instanceof Map<?, ?> src) {
                for (Map.Entry<String, Object> e : dict("into", src).entrySet()) out.add(SxList.of(e.getKey(), e.getValue()));
            } else out.addAll(Args.list("into", a[1]));
            return SxList.copyOf(out);
        });
        def("update", 3, -1, (a, cx) -> {
            SxDict d = new SxDict(dict("update", a[0]));
            String k = key("update", a[1]);
            Object[] args = new Object[a.length - 2];
            args[0] = d.get(k);
            System.arraycopy(a, 3, args, 1, a.length - 3);
            d.put(k, Evaluator.apply(a[2], args, cx));
            return d;
        });
    }
}
