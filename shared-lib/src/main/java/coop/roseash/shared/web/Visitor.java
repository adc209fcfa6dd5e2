package coop.roseash.shared.web;

/**
 * Who is making the current request: a signed-in member (userId set) or an anonymous visitor (deviceId only).
 *
 * @param userId the member's id, or null
 * @param email the member's email, or null
 * @param displayName the member's display name, or null
 * @param admin whether the member is an admin
 * @param deviceId the anonymous visitor's device id, or null
 */
public record Visitor(Long userId, String email, String displayName, boolean admin, String deviceId) {
    public static final Visitor ANONYMOUS = new Visitor(null, null, null, false, null);

    public boolean signedIn() {
        return userId != null;
    }
}
