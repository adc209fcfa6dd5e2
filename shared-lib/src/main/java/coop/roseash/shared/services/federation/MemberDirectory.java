package coop.roseash.shared.services.federation;

import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
import coop.roseash.shared.model.federation.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Locale;
import java.util.Optional;

/** {@link Members} over federation's {@code users} table (emails are stored trimmed and lowercase). */
@ApplicationScoped
public class MemberDirectory implements Members {

    @Override
    @Transactional
    public Optional<MemberRef> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return User.<User>find("email", email.strip().toLowerCase(Locale.ROOT))
                .firstResultOptional().map(MemberDirectory::ref);
    }

    private static MemberRef ref(User u) {
        return new MemberRef(u.id, u.email, u.displayName);
    }
}
