package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** What a member is notified about. */
public enum NotificationType {
    FOLLOW, LIKE, ANNOUNCE, REPLY, MENTION;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<NotificationType> {
        public Converter() {
            super(NotificationType.class);
        }
    }
}
