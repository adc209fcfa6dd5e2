package coop.roseash.account.profile;

import coop.roseash.account.SecretTokens;
import coop.roseash.account.InvalidInput;
import coop.roseash.account.newsletters.Newsletters;
import coop.roseash.account.sending.Deliveries;
import coop.roseash.account.sending.Postman;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
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
 * A member's change of email address: a link mailed to the new address confirms it (only its SHA-256 is stored);
 * then federation's directory changes it, the member's newsletter subscriptions follow, and the old address is
 * told. An address another member holds is refused, when asked and again when confirmed.
 */
@ApplicationScoped
public class EmailChanges {

    static final Duration LIFETIME = Duration.ofHours(24);

    private final EntityManager em;
    private final Members members;
    private final Postman postman;
    private final ServiceUrls urls;
    private final Template confirmMail;
    private final Template changedMail;

    EmailChanges(EntityManager em, Members members, Postman postman, ServiceUrls urls,
                 @Location("profile/confirm-email.txt") Template confirmMail,
                 @Location("profile/email-changed.txt") Template changedMail) {
        this.em = em;
        this.members = members;
        this.postman = postman;
        this.urls = urls;
        this.confirmMail = confirmMail;
        this.changedMail = changedMail;
    }

    /** Mails the confirmation link to {@code newEmail}; nothing changes yet. */
    @Transactional
    public void request(long userId, String currentEmail, String newEmail) {
        String address = Newsletters.normalise(newEmail);
        if (address.equalsIgnoreCase(currentEmail)) {
            throw new InvalidInput("That is your address already.");
        }
        refuseIfTaken(userId, address);
        String token = SecretTokens.random();
        em.createNativeQuery("INSERT INTO email_changes (user_id, old_email, new_email, token_hash, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, userId).setParameter(2, currentEmail).setParameter(3, address)
                .setParameter(4, SecretTokens.hash(token)).setParameter(5, Timestamp.from(Instant.now().plus(LIFETIME)))
                .executeUpdate();
        String link = urls.publicUrl("account") + "/profile/email/confirm/" + token;
        postman.send(Mail.withText(address, "Confirm your new Rose Ash address",
                confirmMail.data("link", link).data("hours", LIFETIME.toHours()).render()));
    }

    /** The new address a live link would set (for the confirm page), without using it. */
    @Transactional
    public Optional<String> pending(String token) {
        return em.createNativeQuery("SELECT new_email FROM email_changes WHERE token_hash = ?1"
                        + " AND confirmed_at IS NULL AND expires_at > now()")
                .setParameter(1, SecretTokens.hash(token)).getResultList().stream().findFirst().map(String.class::cast);
    }

    /** Uses the link: the new address, or empty for an unknown, used or expired one. */
    @Transactional
    public Optional<String> confirm(String token) {
        Optional<Object[]> change = Deliveries.firstRow(em.createNativeQuery("UPDATE email_changes SET confirmed_at = now()"
                        + " WHERE token_hash = ?1 AND confirmed_at IS NULL AND expires_at > now()"
                        + " RETURNING user_id, old_email, new_email")
                .setParameter(1, SecretTokens.hash(token)));
        if (change.isEmpty()) {
            return Optional.empty();
        }
        long userId = ((Number) change.get()[0]).longValue();
        String oldEmail = (String) change.get()[1];
        String newEmail = (String) change.get()[2];
        refuseIfTaken(userId, newEmail); // someone may have taken it since the link was sent
        MemberRef changed;
        try {
            changed = members.changeEmail(userId, newEmail).orElseThrow(() -> new InvalidInput(404, "No such member."));
        } catch (IllegalStateException taken) {
            throw new InvalidInput(409, "That address belongs to another member.");
        }
        // the member's newsletters go to the new address (unless it receives that newsletter already)
        em.createNativeQuery("UPDATE subscriptions s SET email = ?1 WHERE s.user_id = ?2 AND NOT EXISTS"
                        + " (SELECT 1 FROM subscriptions o WHERE o.newsletter_id = s.newsletter_id AND o.email = ?1)")
                .setParameter(1, changed.email()).setParameter(2, userId).executeUpdate();
        postman.send(Mail.withText(oldEmail, "Your Rose Ash address was changed",
                changedMail.data("newEmail", changed.email()).render()));
        return Optional.of(changed.email());
    }

    private void refuseIfTaken(long userId, String address) {
        members.byEmail(address).filter(m -> m.id() != userId).ifPresent(m -> {
            throw new InvalidInput(409, "That address belongs to another member.");
        });
    }

}
