package coop.roseash.sx.primitives;

import static coop.roseash.sx.primitives.Args.def;

import coop.roseash.sx.SxException;
import coop.roseash.sx.printer.Printer;
import coop.roseash.sx.reader.Reader;
import coop.roseash.sx.value.Equality;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** JSON, serialization, parsing, gensym, errors, randomness, and {@code raw!}. */
final class Misc {
    private static final AtomicLong GENSYM = new AtomicLong();

    private Misc() {}

    static void install() {
        def("json-encode", 1, 1, (a, cx) -> Json.encode(a[0]));
        def("json-decode", 1, 1, (a, cx) -> Json.decode(Args.str("json-decode", a[0])));
        def("serialize", 1, 1, (a, cx) -> Printer.print(a[0]));
        def("sx-parse", 1, 1, (a, cx) -> SxList.copyOf(Reader.readAll(Args.str("sx-parse", a[0]), null)));
        def("gensym", 0, 1, (a, cx) -> Symbol.of((a.length > 0 ? Args.str("gensym", a[0]) : "g") + "__" + GENSYM.incrementAndGet()));
        def("error", 1, 1, (a, cx) -> {
            throw new SxException(Printer.display(a[0]));
        });
        def("assert", 1, 2, (a, cx) -> {
            if (!Equality.truthy(a[0])) throw new SxException(a.length > 1 ? Printer.display(a[1]) : "Assertion failed");
            return true;
        });
        def("random-int", 2, 2, (a, cx) -> {
            long lo = Args.lng("random-int", a[0]), hi = Args.lng("random-int", a[1]);
            if (hi <= lo) throw new SxException("random-int expects lo < hi");
            return ThreadLocalRandom.current().nextLong(lo, hi);
        });
        def("uuid", 0, 0, (a, cx) -> UUID.randomUUID().toString());
        def("raw!", 1, 1, (a, cx) -> a[0] instanceof RawHtml ? a[0] : new RawHtml(Printer.display(a[0])));
    }
}
