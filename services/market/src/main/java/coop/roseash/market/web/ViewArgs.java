package coop.roseash.market.web;

import java.util.HashMap;
import java.util.Map;

/** Keyword arguments for an SX view; a null value is left out (SX reads a missing key as nil). */
public final class ViewArgs {

    private final Map<String, Object> args = new HashMap<>();

    public static ViewArgs of() {
        return new ViewArgs();
    }

    public ViewArgs with(String name, Object value) {
        if (value != null) {
            args.put(name, value);
        }
        return this;
    }

    public Map<String, Object> map() {
        return args;
    }
}
