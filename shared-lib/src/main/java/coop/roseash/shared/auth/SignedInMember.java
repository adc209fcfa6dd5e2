package coop.roseash.shared.auth;

/** A member signed in on this service through federation, as the ID token describes them. */
public record SignedInMember(long id, String email, String name, boolean admin, String sessionId) {
}
