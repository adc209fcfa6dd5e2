package coop.roseash.shared.services.federation;

import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
import coop.roseash.shared.model.federation.ActorProfile;
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

    @Override
    @Transactional
    public Optional<MemberRef> byId(long id) {
        return User.<User>findByIdOptional(id).map(MemberDirectory::ref);
    }

    @Override
    @Transactional
    public Optional<MemberRef> rename(long userId, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a display name is at most " + MAX_DISPLAY_NAME
                    + " characters on one line");
        }
        return User.<User>findByIdOptional(userId).map(u -> {
            u.displayName = name.isEmpty() ? null : name;
            return ref(u);
        });
    }

    @Override
    @Transactional
    public Optional<MemberRef> changeEmail(long userId, String newEmail) {
        String email = newEmail.strip().toLowerCase(Locale.ROOT);
        Optional<User> holder = User.<User>find("email", email).firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(userId)) {
            throw new IllegalStateException("another member holds " + email);
        }
        return User.<User>findByIdOptional(userId).map(u -> {
            u.email = email;
            return ref(u);
        });
    }

    @Override
    @Transactional
    public Optional<String> actorUsername(long userId) {
        return ActorProfile.<ActorProfile>find("userId", userId).firstResultOptional().map(p -> p.username);
    }

    private static MemberRef ref(User u) {
        return new MemberRef(u.id, u.email, u.displayName);
    }
}
