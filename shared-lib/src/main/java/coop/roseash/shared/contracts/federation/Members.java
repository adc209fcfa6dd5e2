package coop.roseash.shared.contracts.federation;

import java.util.Optional;

/**
 * Federation's member directory, read only, for the other domains (the blog links imported authors to
 * members by email). Only federation writes members.
 */
public interface Members {

    /** The member with this email (compared case-insensitively), if there is one. */
    Optional<MemberRef> byEmail(String email);
}
