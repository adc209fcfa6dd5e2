package coop.roseash.account.deletion;

import coop.roseash.account.SecretTokens;
import coop.roseash.account.sending.Deliveries;
import coop.roseash.account.sending.Postman;
import coop.roseash.shared.bus.ActivityPublisher;
import coop.roseash.shared.bus.Visibility;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.account.MemberDeleted;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A member's deletion of their account, confirmed by a link mailed to their address (single use, an hour; only its
 * SHA-256 stored). Confirming erases account's own rows about them and publishes {@link MemberDeleted} on the event
 * bus in the same transaction; every other service that holds personal data erases or anonymises its part when it
 * handles that (docs/decisions.md, "Account deletion").
 */
@ApplicationScoped
public class AccountDeletions {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final EntityManager em;
    private final Postman postman;
    private final ServiceUrls urls;
    private final ActivityPublisher bus;
    private final Template confirmMail;

    AccountDeletions(EntityManager em, Postman postman, ServiceUrls urls, ActivityPublisher bus,
                     @Location("deletion/confirm-delete.txt") Template confirmMail) {
        this.em = em;
        this.postman = postman;
        this.urls = urls;
        this.bus = bus;
        this.confirmMail = confirmMail;
    }

    /** Mails the confirmation link to the member's address; nothing is deleted yet. */
    @Transactional
    public void request(long userId, String email) {
        String token = SecretTokens.random();
        em.createNativeQuery("INSERT INTO account_deletions (user_id, email, token_hash, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, userId).setParameter(2, email).setParameter(3, SecretTokens.hash(token))
                .setParameter(4, Timestamp.from(Instant.now().plus(LIFETIME))).executeUpdate();
        postman.send(Mail.withText(email, "Confirm the deletion of your Rose Ash account",
                confirmMail.data("link", urls.publicUrl("account") + "/delete/confirm/" + token)
                        .data("minutes", LIFETIME.toMinutes()).data("formerMember", MemberDeleted.FORMER_MEMBER).render()));
    }

    /** The address a live link would delete the account of (for the confirm page), without using it. */
    @Transactional
    public Optional<String> pending(String token) {
        return em.createNativeQuery("SELECT email FROM account_deletions WHERE token_hash = ?1"
                        + " AND confirmed_at IS NULL AND expires_at > now()")
                .setParameter(1, SecretTokens.hash(token)).getResultList().stream().findFirst().map(String.class::cast);
    }

    /** Uses the link: the member whose account is deleted, or empty for an unknown, used or expired link. */
    @Transactional
    public Optional<Long> confirm(String token) {
        Optional<Object[]> confirmed = Deliveries.firstRow(em.createNativeQuery("WITH d AS (SELECT id, user_id, email"
                        + " FROM account_deletions WHERE token_hash = ?1 AND confirmed_at IS NULL AND expires_at > now() FOR UPDATE)"
                        + " UPDATE account_deletions a SET confirmed_at = now(), email = NULL FROM d WHERE a.id = d.id"
                        + " RETURNING d.user_id, d.email")
                .setParameter(1, SecretTokens.hash(token)));
        if (confirmed.isEmpty()) {
            return Optional.empty();
        }
        long userId = ((Number) confirmed.get()[0]).longValue();
        String email = (String) confirmed.get()[1];
        eraseOwnData(userId, email);
        bus.publish(MemberDeleted.TYPE, "users/" + userId, MemberDeleted.object(userId), Visibility.INTERNAL);
        return Optional.of(userId);
    }

    /** Whether member {@code userId} deleted their account (their export is refused from that moment on). */
    @Transactional
    public boolean deleted(long userId) {
        return !em.createNativeQuery("SELECT 1 FROM account_deletions WHERE user_id = ?1 AND confirmed_at IS NOT NULL")
                .setParameter(1, userId).getResultList().isEmpty();
    }

    // account's own rows: subscriptions by member or address (their deliveries go with them), opt-ins and email
    // changes, and the addresses of the member's other deletion requests
    private void eraseOwnData(long userId, String email) {
        em.createNativeQuery("DELETE FROM subscriptions WHERE user_id = ?1 OR email = ?2")
                .setParameter(1, userId).setParameter(2, email).executeUpdate();
        em.createNativeQuery("DELETE FROM subscription_requests WHERE email = ?1").setParameter(1, email).executeUpdate();
        em.createNativeQuery("DELETE FROM email_changes WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("DELETE FROM account_deletions WHERE user_id = ?1 AND confirmed_at IS NULL")
                .setParameter(1, userId).executeUpdate();
    }
}
