package coop.roseash.account.sessions;

import coop.roseash.shared.auth.CurrentMember;
import coop.roseash.shared.auth.SignedInMember;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** {@link CurrentSession} from the ID token Quarkus OIDC holds for this request. */
@RequestScoped
public class IdTokenSession implements CurrentSession {

    private final CurrentMember member;

    IdTokenSession(CurrentMember member) {
        this.member = member;
    }

    @Override
    public Optional<String> sid() {
        return member.get().map(SignedInMember::sessionId).filter(s -> !s.isBlank());
    }
}
