package coop.roseash.shared.bus;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Who may see an activity: only the platform's services, or also ActivityPub followers. */
public enum Visibility {
    INTERNAL, PUBLIC;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<Visibility> {
        public Converter() {
            super(Visibility.class);
        }
    }
}
