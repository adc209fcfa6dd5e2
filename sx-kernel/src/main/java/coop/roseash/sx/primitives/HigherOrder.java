package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;
import static coop.roseash.sx.primitives.Args.list;

import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.value.SxList;
import java.util.ArrayList;
import java.util.List;

/** Function-first collection operations: map, map-indexed, filter, reduce, some, every?, for-each. */
final class HigherOrder {
    private HigherOrder() {}

    static void install() {
        def("map", 2, 2, (a, cx) -> {
            List<?> l = list("map", a[1]);
            Object[] out = new Object[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = Evaluator.apply(a[0], new Object[] {l.get(i)}, cx);
            return SxList.wrap(out, null);
        });
        def("map-indexed", 2, 2, (a, cx) -> {
            List<?> l = list("map-indexed", a[1]);
            Object[] out = new Object[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = Evaluator.apply(a[0], new Object[] {(long) i, l.get(i)}, cx);
            return SxList.wrap(out, null);
        });
        def("filter", 2, 2, (a, cx) -> {
            List<Object> out = new ArrayList<>();
            for (Object o : list("filter", a[1])) if (Equality.truthy(Evaluator.apply(a[0], new Object[] {o}, cx))) out.add(o);
            return SxList.copyOf(out);
        });
        def("reduce", 3, 3, (a, cx) -> {
            Object acc = a[1];
            for (Object o : list("reduce", a[2])) acc = Evaluator.apply(a[0], new Object[] {acc, o}, cx);
            return acc;
        });
        def("some", 2, 2, (a, cx) -> {
            for (Object o : list("some", a[1])) {
                Object r = Evaluator.apply(a[0], new Object[] {o}, cx);
                if (Equality.truthy(r)) return r;
            }
            return null;
        });
        def("every?", 2, 2, (a, cx) -> {
            for (Object o : list("every?", a[1])) if (!Equality.truthy(Evaluator.apply(a[0], new Object[] {o}, cx))) return false;
            return true;
        });
        def("for-each", 2, 2, (a, cx) -> {
            for (Object o : list("for-each", a[1])) Evaluator.apply(a[0], new Object[] {o}, cx);
            return null;
        });
    }
}
