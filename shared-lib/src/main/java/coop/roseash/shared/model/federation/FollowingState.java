package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** State of a member's follow of a remote actor, until it answers Accept or Reject. */
public enum FollowingState {
    PENDING, ACCEPTED, REJECTED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<FollowingState> {
        public Converter() {
            super(FollowingState.class);
        }
    }
}
