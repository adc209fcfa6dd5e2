package coop.roseash.shared.model.events;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** A ticket is reserved in a cart, issued once its order is paid, or cancelled. */
public enum TicketState {
    RESERVED, ISSUED, CANCELLED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<TicketState> {
        public Converter() {
            super(TicketState.class);
        }
    }
}
