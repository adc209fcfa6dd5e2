package coop.roseash.cart.payments;

import coop.roseash.cart.mail.ConfirmationMails;
import coop.roseash.shared.model.cart.Order;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Reconciles pending orders no hint settled (the member closed the tab, the webhook never came, the service was
 * stopped between checkout and payment) and sends confirmations a crash kept back. Replicas share the work: each run
 * leases due orders with {@code FOR UPDATE SKIP LOCKED}, pushing their {@code next_check_at} out, so two replicas
 * never ask about the same order at once (and if they did, the confirmation's gate would still let one through).
 */
@ApplicationScoped
public class ReconciliationJob {

    private static final Logger LOG = Logger.getLogger(ReconciliationJob.class);
    private static final String LEASE_DUE = """
            UPDATE orders SET next_check_at = now() + make_interval(secs => ?1)
            WHERE id IN (SELECT id FROM orders WHERE status = 'pending' AND NOT needs_attention
                         AND next_check_at <= now() ORDER BY next_check_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    private final PaymentReconciler reconciler;
    private final ConfirmationMails mails;
    private final Duration recheckAfter;
    private final int batchSize;

    ReconciliationJob(PaymentReconciler reconciler, ConfirmationMails mails,
                      @ConfigProperty(name = "roseash.cart.reconcile.recheck-after", defaultValue = "PT5M") Duration recheckAfter,
                      @ConfigProperty(name = "roseash.cart.reconcile.batch-size", defaultValue = "20") int batchSize) {
        this.reconciler = reconciler;
        this.mails = mails;
        this.recheckAfter = recheckAfter;
        this.batchSize = batchSize;
    }

    @Scheduled(identity = "cart-payment-reconciliation", every = "${roseash.cart.reconcile.every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            reconcileDue();
            mails.sendUnsent();
        } catch (RuntimeException e) {
            LOG.warnf("payment reconciliation could not run: %s", e.getMessage());
        }
    }

    /** Asks SumUp about each pending order that is due; returns how many were confirmed. */
    public int reconcileDue() {
        int confirmed = 0;
        List<Long> due;
        do {
            due = lease();
            for (long id : due) {
                try {
                    if (reconciler.reconcile(id) == PaymentReconciler.Outcome.CONFIRMED) {
                        confirmed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "order %d could not be reconciled; trying again later", id);
                }
            }
        } while (due.size() == batchSize);
        return confirmed;
    }

    @SuppressWarnings("unchecked")
    private List<Long> lease() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) Order.getEntityManager()
                .createNativeQuery(LEASE_DUE)
                .setParameter(1, (double) recheckAfter.toSeconds())
                .setParameter(2, batchSize)
                .getResultList()).stream().map(Number::longValue).toList());
    }
}
