package coop.roseash.shared.contracts.federation;

/** A member of the platform as other domains see them: id, email and the name they chose. */
public record MemberRef(long id, String email, String displayName) {
}
