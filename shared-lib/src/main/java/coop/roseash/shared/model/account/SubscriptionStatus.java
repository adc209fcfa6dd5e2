package coop.roseash.shared.model.account;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Whether an address receives a newsletter. */
public enum SubscriptionStatus {
    SUBSCRIBED, UNSUBSCRIBED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<SubscriptionStatus> {
        public Converter() {
            super(SubscriptionStatus.class);
        }
    }
}
