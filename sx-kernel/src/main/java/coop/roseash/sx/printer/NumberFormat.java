package coop.roseash.sx.printer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as SX prints them: integers in decimal, integral floats below 10^15 like integers, other
 * floats in shortest round-trip form. JDK 17's Double.toString is not always shortest, so the
 * digits are found here.
 */
public final class NumberFormat {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    private NumberFormat() {}

    public static String format(Object n) {
        if (n instanceof Double d) return format(d.doubleValue());
        if (n instanceof Float f) return format(f.doubleValue());
        return n.toString();
    }

    public static void append(StringBuilder sb, Object n) {
        if (n instanceof Long l) sb.append(l.longValue());
        else if (n instanceof Integer i) sb.append(i.intValue());
        else if (n instanceof Double d) append(sb, d.doubleValue());
        else sb.append(format(n));
    }

    /** Like {@link #format(double)} but writes everyday values straight into the buffer. */
    public static void append(StringBuilder sb, double d) {
        double a = Math.abs(d);
        if (a < 1e15 && d == Math.rint(d)) {
            sb.append((long) d);
            return;
        }
        if (a < 1e9 && a >= 1e-3) {
            for (int k = 1; k < POW10.length; k++) {
                double scaled = Math.rint(d * POW10[k]);
                if (scaled / POW10[k] == d) {
                    long v = (long) Math.abs(scaled);
                    long p = (long) POW10[k];
                    if (d < 0) sb.append('-');
                    sb.append(v / p).append('.');
                    long frac = v % p;
                    for (long q = p / 10; q > frac && q > 1; q /= 10) sb.append('0');
                    sb.append(frac);
                    return;
                }
            }
        }
        sb.append(format(d));
    }

    public static String format(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        double a = Math.abs(d);
        if (a < 1e15 && d == Math.rint(d)) return Long.toString((long) d);
        if (a < 1e9 && a >= 1e-3) {
            // fast path for everyday values such as prices: fewest decimals that read back exactly
            for (int k = 1; k < POW10.length; k++) {
                double scaled = Math.rint(d * POW10[k]);
                if (scaled / POW10[k] == d) return plain((long) scaled, k);
            }
        }
        return shortest(d);
    }

    private static String plain(long scaled, int decimals) {
        boolean neg = scaled < 0;
        String digits = Long.toString(Math.abs(scaled));
        while (digits.length() <= decimals) digits = "0" + digits;
        String s = digits.substring(0, digits.length() - decimals) + "." + digits.substring(digits.length() - decimals);
        return neg ? "-" + s : s;
    }

    private static String shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) { best = r; break; }
        }
        best = best.stripTrailingZeros();
        String digits = best.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - best.scale();
        String sign = d < 0 ? "-" : "";
        if (exp >= 15 || exp < -6) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp >= 0 ? "+" : "-") + Math.abs(exp);
        }
        return best.toPlainString();
    }
}
