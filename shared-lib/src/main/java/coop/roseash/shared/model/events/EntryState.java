package coop.roseash.shared.model.events;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Booking state of a calendar entry. */
public enum EntryState {
    PENDING, PROVISIONAL, ORDERED, CONFIRMED, DECLINED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<EntryState> {
        public Converter() {
            super(EntryState.class);
        }
    }
}
