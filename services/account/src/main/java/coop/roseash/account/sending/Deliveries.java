package coop.roseash.account.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * The delivery rows of an issue's send: claiming the next one, recording what became of it, the progress. Each
 * method runs in the caller's transaction ({@link DeliveryWorker} opens one per recipient).
 */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;

    Deliveries(EntityManager em) {
        this.em = em;
    }

    /** A claimed delivery: the row is locked by the current transaction until it ends. */
    public record Claimed(IssueMail.Content content, boolean stillSubscribed, int attempts) {
    }

    /**
     * The next pending delivery, locked for this transaction ({@code FOR UPDATE SKIP LOCKED}: rows another worker
     * holds are passed over, never sent twice at once).
     */
    public Optional<Claimed> claimNext() {
        return firstRow(em.createNativeQuery("SELECT d.issue_id, n.name, i.subject, i.body_html, d.subscription_id,"
                        + " s.unsubscribe_token, d.email, s.status, d.attempts"
                        + " FROM newsletter_deliveries d"
                        + " JOIN subscriptions s ON s.id = d.subscription_id"
                        + " JOIN newsletter_issues i ON i.id = d.issue_id"
                        + " JOIN newsletters n ON n.id = i.newsletter_id"
                        + " WHERE d.state = 'pending' ORDER BY d.issue_id, d.subscription_id"
                        + " LIMIT 1 FOR UPDATE OF d SKIP LOCKED")).map(r -> new Claimed(new IssueMail.Content(
                        ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).longValue(), (String) r[5], (String) r[6]),
                        "subscribed".equals(r[7]), ((Number) r[8]).intValue()));
    }

    /** Records the claimed delivery's outcome ({@code sent} or {@code skipped}) in the claiming transaction. */
    public void mark(IssueMail.Content c, String state) {
        em.createNativeQuery("UPDATE newsletter_deliveries SET state = ?1, sent_at = CASE WHEN ?1 = 'sent' THEN now() END"
                        + " WHERE issue_id = ?2 AND subscription_id = ?3")
                .setParameter(1, state).setParameter(2, c.issueId()).setParameter(3, c.subscriptionId()).executeUpdate();
    }

    /** One more failed attempt at a delivery; it is given up ({@code failed}) after {@code maxAttempts}. */
    @Transactional
    public void failedOnce(IssueMail.Content c, int maxAttempts) {
        em.createNativeQuery("UPDATE newsletter_deliveries SET attempts = attempts + 1,"
                        + " state = CASE WHEN attempts + 1 >= ?1 THEN 'failed' ELSE 'pending' END"
                        + " WHERE issue_id = ?2 AND subscription_id = ?3 AND state = 'pending'")
                .setParameter(1, maxAttempts).setParameter(2, c.issueId()).setParameter(3, c.subscriptionId())
                .executeUpdate();
    }

    /** Issues whose every delivery is settled are sent. */
    @Transactional
    public int finishDone() {
        return em.createNativeQuery("UPDATE newsletter_issues i SET send_state = 'sent', sent_at = now()"
                + " WHERE send_state = 'sending' AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d"
                + " WHERE d.issue_id = i.id AND d.state = 'pending')").executeUpdate();
    }

    /** The progress of issue {@code issueId}'s send, as committed. */
    @Transactional
    public SendProgress progress(long issueId) {
        Object[] r = firstRow(em.createNativeQuery("SELECT i.send_state,"
                        + " count(d.subscription_id),"
                        + " count(d.subscription_id) FILTER (WHERE d.state = 'sent'),"
                        + " count(d.subscription_id) FILTER (WHERE d.state = 'skipped'),"
                        + " count(d.subscription_id) FILTER (WHERE d.state = 'failed')"
                        + " FROM newsletter_issues i LEFT JOIN newsletter_deliveries d ON d.issue_id = i.id"
                        + " WHERE i.id = ?1 GROUP BY i.send_state")
                .setParameter(1, issueId))
                .orElseThrow(() -> new NotFoundException("issue " + issueId));
        return SendProgress.of((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue());
    }

    /** The first row of a native query of several columns. */
    public static Optional<Object[]> firstRow(Query query) {
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }
}
