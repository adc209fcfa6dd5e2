package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Incoming: a remote actor on a local object; outgoing: a member on a remote object. */
public enum InteractionDirection {
    INCOMING, OUTGOING;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<InteractionDirection> {
        public Converter() {
            super(InteractionDirection.class);
        }
    }
}
