package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;

import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.value.Signal;
import java.util.Map;

/** Signals, computed values, effects, batching and page stores (§7), evaluated on the server too. */
final class Signals {
    private Signals() {}

    static void install() {
        def("signal", 0, 1, (a, cx) -> new Signal(a.length > 0 ? a[0] : null));
        def("deref", 1, 1, (a, cx) -> cx.reactive.deref(a[0], cx));
        def("reset!", 2, 2, (a, cx) -> cx.reactive.reset(a[0], a[1]));
        def("swap!", 2, -1, (a, cx) -> {
            if (!(a[0] instanceof Signal s)) throw Args.type("swap!", "a signal", a[0]);
            Object[] args = new Object[a.length - 1];
            args[0] = s.peek();
            System.arraycopy(a, 2, args, 1, a.length - 2);
            return cx.reactive.reset(s, Evaluator.apply(a[1], args, cx));
        });
        def("computed", 1, 1, (a, cx) -> cx.reactive.computed(a[0]));
        def("effect", 1, 1, (a, cx) -> cx.reactive.effect(a[0], cx));
        def("batch", 1, 1, (a, cx) -> cx.reactive.batch(a[0], cx));
        def("dispose", 1, 1, (a, cx) -> cx.reactive.dispose(a[0], cx));
        def("def-store", 2, 2, (a, cx) -> {
            Map<String, Object> stores = cx.stores();
            String name = Args.str("def-store", a[0]);
            if (!stores.containsKey(name)) stores.put(name, Evaluator.apply(a[1], new Object[0], cx));
            return stores.get(name);
        });
        def("use-store", 1, 1, (a, cx) -> {
            String name = Args.str("use-store", a[0]);
            Map<String, Object> stores = cx.stores();
            if (!stores.containsKey(name)) throw new coop.roseash.sx.SxException("Unknown store: " + name);
            return stores.get(name);
        });
        // browser-only behaviour: on the server the handler is never attached
        def("on-event", 2, 2, (a, cx) -> null);
    }
}
