package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** The kind of interaction: an ActivityPub Like or Announce (boost). */
public enum InteractionType {
    LIKE, ANNOUNCE;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<InteractionType> {
        public Converter() {
            super(InteractionType.class);
        }
    }
}
