package coop.roseash.sx.value;

import coop.roseash.sx.SxException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Converts Java values crossing into SX: numbers to Long/Double, records and maps to dicts
 * (record components in kebab-case), collections and arrays to lists, dates to ISO-8601 strings,
 * enums to their names.
 */
public final class Boundary {
    private Boundary() {}

    public static Object toSx(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        if (v instanceof SxList || v instanceof SxDict || v instanceof RecordView || v instanceof Symbol || v instanceof Keyword || v instanceof RawHtml) return v;
        if (v instanceof Record) return RecordView.of(v);
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        if (v instanceof BigDecimal b) return b.stripTrailingZeros().scale() <= 0 && b.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? (Object) b.longValueExact() : (Object) b.doubleValue();
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Character || v instanceof UUID || v instanceof TemporalAccessor) return v.toString();
        if (v instanceof Date d) return d.toInstant().toString();
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof Optional<?> o) return toSx(o.orElse(null));
        if (v instanceof Map<?, ?> m) {
            SxDict d = new SxDict(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) d.put(String.valueOf(e.getKey()), toSx(e.getValue()));
            return d;
        }
        if (v instanceof Collection<?> c) {
            Object[] out = new Object[c.size()];
            int i = 0;
            for (Object o : c) out[i++] = toSx(o);
            return SxList.wrap(out, null);
        }
        if (v instanceof Object[] arr) {
            Object[] out = new Object[arr.length];
            for (int i = 0; i < arr.length; i++) out[i] = toSx(arr[i]);
            return SxList.wrap(out, null);
        }
        if (v instanceof Lambda || v instanceof Component || v instanceof Signal || v instanceof Macro || v instanceof WireNode) return v;
        if (v instanceof coop.roseash.sx.eval.Primitive) return v;
        throw new SxException("Cannot pass a " + v.getClass().getName() + " to SX (use records, maps, lists, strings, numbers)");
    }

    /** Converts each map value; keys stay as given. */
    public static SxDict toSxArgs(Map<String, ?> args) {
        SxDict d = new SxDict(args.size());
        for (Map.Entry<String, ?> e : args.entrySet()) d.put(e.getKey(), toSx(e.getValue()));
        return d;
    }

    /** {@code createdAt} becomes {@code created-at}. */
    public static String kebab(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('-');
                sb.append(Character.toLowerCase(c));
            } else sb.append(c);
        }
        return sb.toString();
    }
}
