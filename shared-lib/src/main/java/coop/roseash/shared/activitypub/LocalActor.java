package coop.roseash.shared.activitypub;

import java.time.Instant;

/**
 * One of our actors as one service shows it: a member's view (Person on federation, Service elsewhere) or a
 * service's own actor.
 *
 * @param memberId the member, or null for a service's own actor
 */
public record LocalActor(long profileId, String service, String username, String displayName, String summary,
                         String publicKeyPem, Long memberId, Instant createdAt) {

    public boolean serviceActor() {
        return memberId == null;
    }

    /** ActivityStreams type: a member on federation is a Person; per-service views and services' own actors are Services. */
    public String type() {
        return memberId != null && "federation".equals(service) ? "Person" : "Service";
    }

    /** The name shown: the display name, else the username. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** The same profile as another service shows it. */
    public LocalActor on(String otherService) {
        return new LocalActor(profileId, otherService, username, displayName, summary, publicKeyPem, memberId, createdAt);
    }
}
