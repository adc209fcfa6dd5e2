package coop.roseash.cart.web;

import java.util.HashMap;
import java.util.Map;

/** A view's keyword arguments from name/value pairs, leaving out nulls (SxView refuses them; SX reads nil anyway). */
public final class Kwargs {

    private Kwargs() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                args.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return args;
    }
}
