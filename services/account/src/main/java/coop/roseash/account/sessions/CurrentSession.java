package coop.roseash.account.sessions;

import java.util.Optional;

/**
 * The federation session this request belongs to: the {@code sid} of the member's ID token. account names it to
 * federation as proof that the member is using account right now, and federation keeps it signed in.
 */
public interface CurrentSession {

    Optional<String> sid();
}
