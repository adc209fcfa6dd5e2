package coop.roseash.shared.contracts;

/**
 * Whose cart, bookings or tickets: a member ({@code userId}) or, until login, an anonymous device
 * ({@code deviceId}). When both are known the member wins; {@link #NONE} is a visitor without a
 * device id yet, who owns nothing.
 */
public record Identity(Long userId, String deviceId) {

    /** A visitor not identified yet. */
    public static final Identity NONE = new Identity(null, null);

    public Identity {
        if (deviceId != null && deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
    }

    /** A signed-in member. */
    public static Identity member(long userId) {
        return new Identity(userId, null);
    }

    /** An anonymous visitor's device. */
    public static Identity device(String deviceId) {
        if (deviceId == null) {
            throw new IllegalArgumentException("deviceId is required");
        }
        return new Identity(null, deviceId);
    }

    public boolean isMember() {
        return userId != null;
    }

    public boolean isKnown() {
        return userId != null || deviceId != null;
    }
}
