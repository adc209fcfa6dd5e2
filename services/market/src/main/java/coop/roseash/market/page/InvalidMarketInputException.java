package coop.roseash.market.page;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input an admin can fix, field by field (form field name to message), shown again with the form (422). */
public class InvalidMarketInputException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidMarketInputException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
