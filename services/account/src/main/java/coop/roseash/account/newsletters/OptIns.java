package coop.roseash.account.newsletters;

import coop.roseash.account.SecretTokens;
import coop.roseash.account.sending.Deliveries;
import coop.roseash.account.sending.Postman;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.model.account.Newsletter;
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
 * Double opt-in for visitors who subscribe by email: the request waits (only the SHA-256 of its token stored) until
 * the link mailed to that address is followed; then the address is subscribed. A link works once.
 */
@ApplicationScoped
public class OptIns {

    static final Duration LIFETIME = Duration.ofHours(48);

    private final EntityManager em;
    private final Newsletters newsletters;
    private final Postman postman;
    private final Template confirm;
    private final ServiceUrls urls;

    OptIns(EntityManager em, Newsletters newsletters, Postman postman,
           @Location("newsletter/confirm.txt") Template confirm, ServiceUrls urls) {
        this.em = em;
        this.newsletters = newsletters;
        this.postman = postman;
        this.confirm = confirm;
        this.urls = urls;
    }

    /** Mails a confirmation link for newsletter {@code id} to {@code email}; nothing is subscribed yet. */
    @Transactional
    public void request(long id, String email) {
        Newsletter n = newsletters.find(id);
        String address = Newsletters.normalise(email);
        String token = SecretTokens.random();
        em.createNativeQuery("INSERT INTO subscription_requests (newsletter_id, email, token_hash, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, n.id).setParameter(2, address).setParameter(3, SecretTokens.hash(token))
                .setParameter(4, Timestamp.from(Instant.now().plus(LIFETIME))).executeUpdate();
        String link = urls.publicUrl("account") + "/newsletters/confirm/" + token;
        String text = confirm.data("newsletter", n.name).data("link", link).data("hours", LIFETIME.toHours()).render();
        // sent inside the transaction: if the mail cannot be handed over, no request is left behind
        postman.send(Mail.withText(address, "Confirm your subscription to " + n.name, text));
    }

    /** The newsletter's name when {@code token} is a live request (for the confirm page), without using it. */
    @Transactional
    public Optional<String> pending(String token) {
        return em.createNativeQuery("SELECT n.name FROM subscription_requests r JOIN newsletters n ON n.id = r.newsletter_id"
                        + " WHERE r.token_hash = ?1 AND r.confirmed_at IS NULL AND r.expires_at > now()")
                .setParameter(1, SecretTokens.hash(token)).getResultList().stream().findFirst().map(String.class::cast);
    }

    /** Uses the request: subscribes its address; the newsletter's name, or empty for an unknown, used or old link. */
    @Transactional
    public Optional<String> confirm(String token) {
        Optional<Object[]> request = Deliveries.firstRow(em.createNativeQuery("UPDATE subscription_requests SET confirmed_at = now()"
                        + " WHERE token_hash = ?1 AND confirmed_at IS NULL AND expires_at > now()"
                        + " RETURNING newsletter_id, email")
                .setParameter(1, SecretTokens.hash(token)));
        if (request.isEmpty()) {
            return Optional.empty();
        }
        Newsletter n = newsletters.find(((Number) request.get()[0]).longValue());
        newsletters.subscribe(n, (String) request.get()[1], null);
        return Optional.of(n.name);
    }

}
