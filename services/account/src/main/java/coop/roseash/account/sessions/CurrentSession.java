package coop.roseash.account.sessions;

import coop.roseash.shared.auth.CurrentMember;
import coop.roseash.shared.auth.SignedInMember;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The federation session this request belongs to: the {@code sid} of the member's ID token. account names it to
 * federation as proof that the member is using account right now, and federation keeps it signed in.
 */
@RequestScoped
public class CurrentSession {

    private final CurrentMember member;

    protected CurrentSession(CurrentMember member) {
        this.member = member;
    }

    public Optional<String> sid() {
        return member.get().map(SignedInMember::sessionId).filter(s -> !s.isBlank());
    }
}
