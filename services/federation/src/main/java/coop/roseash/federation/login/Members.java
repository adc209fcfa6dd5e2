package coop.roseash.federation.login;

import coop.roseash.shared.config.RoseAshConfig;
import coop.roseash.shared.model.federation.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Members by email: a first login creates one; admins are the emails listed in app-config.yaml. */
@ApplicationScoped
public class Members {
    private final RoseAshConfig config;

    Members(RoseAshConfig config) {
        this.config = config;
    }

    public static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Signs in: finds or creates the member and stamps the login time. */
    @Transactional
    public Member signIn(String email) {
        String normalised = normalise(email);
        // two first logins with one email may race (two tabs, two links): the insert that loses
        // waits for the winner and then does nothing, instead of failing on the unique email
        User.getEntityManager()
                .createNativeQuery("INSERT INTO users (email) VALUES (?1) ON CONFLICT (email) DO NOTHING")
                .setParameter(1, normalised)
                .executeUpdate();
        User user = User.<User>find("email", normalised).firstResult();
        user.lastLoginAt = Instant.now();
        return toMember(user);
    }

    @Transactional
    public Optional<Member> find(long id) {
        return User.<User>findByIdOptional(id).map(this::toMember);
    }

    private Member toMember(User u) {
        boolean admin = config.admins().stream().map(Members::normalise).anyMatch(u.email::equals);
        return new Member(u.id, u.email, u.displayName, admin);
    }
}
