package coop.roseash.account.sending;

import coop.roseash.account.AccountConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Sends what {@link SendStarter} queued, one recipient per transaction: claim the next pending delivery
 * ({@code FOR UPDATE SKIP LOCKED}), mark it sent, hand the email to SMTP and wait for the server's acceptance, then
 * commit. A process killed before the commit leaves the row pending (the lock dies with the connection) and the
 * next worker sends it; one killed after leaves it sent. The only copy that can go twice is the one whose
 * acceptance reached us in the instant before the commit was written (docs/decisions.md, "Newsletter sending").
 * Replicas work side by side: the lock hands each row to one of them.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final IssueMail mails;
    private final Postman postman;
    private final AccountConfig config;

    DeliveryWorker(Deliveries deliveries, IssueMail mails, Postman postman, AccountConfig config) {
        this.deliveries = deliveries;
        this.mails = mails;
        this.postman = postman;
        this.config = config;
    }

    @Scheduled(every = "${roseash.account.sending.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.sending().worker()) {
            drain();
        }
    }

    /** Sends until nothing is pending or SMTP refuses; the number of emails handed over. */
    public int drain() {
        int handed = 0;
        while (true) {
            int round = round();
            handed += Math.max(round, 0);
            deliveries.finishDone();
            if (round < config.sending().batchSize()) {
                return handed; // nothing left, or SMTP failed: the next scheduled run tries again
            }
        }
    }

    /**
     * Up to batch-size deliveries, each in its own transaction; the number handed to SMTP, or fewer than the
     * batch size when nothing is left or a send failed.
     */
    private int round() {
        int handled = 0;
        while (handled < config.sending().batchSize()) {
            Outcome outcome;
            try {
                outcome = QuarkusTransaction.requiringNew().call(this::deliverNext);
            } catch (SendFailed e) {
                // the claiming transaction has rolled back (row pending again, lock released): count the attempt
                QuarkusTransaction.requiringNew().run(() -> deliveries.failedOnce(e.content, config.sending().maxAttempts()));
                LOG.warnf("newsletter delivery to subscription %d failed, will retry: %s",
                        e.content.subscriptionId(), e.getCause().getMessage());
                return -1;
            } catch (RuntimeException e) {
                LOG.warnf("newsletter delivery failed, will retry: %s", e.getMessage());
                return -1;
            }
            if (outcome == Outcome.NOTHING_LEFT) {
                return handled;
            }
            handled++;
        }
        return handled;
    }

    private enum Outcome { SENT, SKIPPED, NOTHING_LEFT }

    /** Runs in its own transaction: the row stays locked from the claim to the commit after SMTP accepted. */
    private Outcome deliverNext() {
        Optional<Deliveries.Claimed> next = deliveries.claimNext();
        if (next.isEmpty()) {
            return Outcome.NOTHING_LEFT;
        }
        Deliveries.Claimed claimed = next.get();
        if (!claimed.stillSubscribed()) {
            deliveries.mark(claimed.content(), "skipped"); // unsubscribed after the send started
            return Outcome.SKIPPED;
        }
        // written before the send, so once SMTP has accepted only the commit remains
        deliveries.mark(claimed.content(), "sent");
        try {
            postman.send(mails.forSubscriber(claimed.content()));
        } catch (RuntimeException e) {
            throw new SendFailed(claimed.content(), e); // rolls the claim back
        }
        return Outcome.SENT;
    }

    private static final class SendFailed extends RuntimeException {
        final IssueMail.Content content;

        SendFailed(IssueMail.Content content, RuntimeException cause) {
            super(cause);
            this.content = content;
        }
    }
}
