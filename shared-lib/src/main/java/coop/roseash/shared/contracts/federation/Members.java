package coop.roseash.shared.contracts.federation;

import java.util.Optional;

/**
 * Federation's member directory for the other domains (the blog links imported authors to members by email;
 * account shows and changes a member's display name). Only federation's implementation writes members.
 */
public interface Members {

    /** The member with this email (compared case-insensitively), if there is one. */
    Optional<MemberRef> byEmail(String email);

    /** The member with this id, if there is one. */
    Optional<MemberRef> byId(long id);

    /**
     * Sets the name member {@code userId} is shown by (trimmed; blank clears it, and the email's local part is shown).
     * Refused with {@link IllegalArgumentException} when longer than {@link #MAX_DISPLAY_NAME} characters or holding
     * control characters; empty when there is no such member.
     */
    Optional<MemberRef> rename(long userId, String displayName);

    /**
     * Changes member {@code userId}'s email (the caller has proved the new address, e.g. by a mailed link). Refused
     * with {@link IllegalStateException} when another member holds it; empty when there is no such member.
     */
    Optional<MemberRef> changeEmail(long userId, String newEmail);

    /**
     * The ActivityPub username member {@code userId} chose once (federation's choose-username page created their actor
     * profile); empty until they have one.
     */
    Optional<String> actorUsername(long userId);

    int MAX_DISPLAY_NAME = 80;
}
