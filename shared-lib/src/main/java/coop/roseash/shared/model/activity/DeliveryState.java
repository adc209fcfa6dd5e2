package coop.roseash.shared.model.activity;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Processing state of one activity for one consuming service. */
public enum DeliveryState {
    PENDING, PROCESSED, FAILED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<DeliveryState> {
        public Converter() {
            super(DeliveryState.class);
        }
    }
}
