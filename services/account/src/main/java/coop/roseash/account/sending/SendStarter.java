package coop.roseash.account.sending;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.unsubscribe.UnsubscribeTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Starts sending an issue: in one transaction the issue goes from draft to sending (an update that matches only a
 * draft, so of two starts at once the second finds nothing to update and is refused) and one pending delivery row is
 * written per address subscribed at that moment. {@link DeliveryWorker} then works through the rows.
 */
@ApplicationScoped
public class SendStarter {

    private final EntityManager em;
    private final UnsubscribeTokens tokens;

    SendStarter(EntityManager em, UnsubscribeTokens tokens) {
        this.em = em;
        this.tokens = tokens;
    }

    /** The number of recipients; refused (409) when the issue is not a draft any more. */
    @Transactional
    public int start(long issueId) {
        if (!tokens.configured()) {
            throw new InvalidInput(409, "Newsletters cannot be sent until roseash.account.unsubscribe-secret is set:"
                    + " every email needs its unsubscribe link.");
        }
        int started = em.createNativeQuery("UPDATE newsletter_issues SET send_state = 'sending', send_started_at = now()"
                + " WHERE id = ?1 AND send_state = 'draft'").setParameter(1, issueId).executeUpdate();
        if (started == 0) {
            Object state = em.createNativeQuery("SELECT send_state FROM newsletter_issues WHERE id = ?1")
                    .setParameter(1, issueId).getResultStream().findFirst().orElse(null);
            if (state == null) {
                throw new NotFoundException("issue " + issueId);
            }
            throw new InvalidInput(409, "This issue has been sent already (or is being sent): nobody gets it twice.");
        }
        return em.createNativeQuery("INSERT INTO newsletter_deliveries (issue_id, subscription_id, email)"
                + " SELECT i.id, s.id, s.email FROM newsletter_issues i JOIN subscriptions s ON s.newsletter_id = i.newsletter_id"
                + " WHERE i.id = ?1 AND s.status = 'subscribed'").setParameter(1, issueId).executeUpdate();
    }
}
