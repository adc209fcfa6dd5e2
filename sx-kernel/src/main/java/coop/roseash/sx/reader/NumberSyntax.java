package coop.roseash.sx.reader;

/** The number token grammar: optional {@code -}, digits, optional fraction, optional exponent. */
public final class NumberSyntax {
    private NumberSyntax() {}

    public static boolean isNumber(String t) { return scan(t) >= 0; }

    public static boolean isInteger(String t) { return scan(t) == 0; }

    /** -1 if not a number, 0 if an integer, 1 if a float. */
    private static int scan(String t) {
        int i = 0, n = t.length();
        if (i < n && t.charAt(i) == '-') i++;
        int d = digits(t, i);
        if (d == i) return -1;
        i = d;
        int kind = 0;
        if (i < n && t.charAt(i) == '.') {
            d = digits(t, i + 1);
            if (d == i + 1) return -1;
            i = d;
            kind = 1;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
            d = digits(t, i);
            if (d == i) return -1;
            i = d;
            kind = 1;
        }
        return i == n ? kind : -1;
    }

    private static int digits(String t, int i) {
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
        return i;
    }
}
