package coop.roseash.shared.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Operator actions on deliveries that ran out of attempts: once the cause is fixed, requeue them
 * with a fresh attempt count (the last error stays until they succeed).
 */
@ApplicationScoped
public class FailedDeliveries {

    private static final String REQUEUE = """
            UPDATE activity_deliveries
            SET state = 'pending', attempts = 0, next_attempt_at = now(), claim_token = NULL, updated_at = now()
            WHERE state = 'failed' AND""";

    @Inject
    EntityManager em;

    /** Requeues one failed delivery; false when it does not exist or has not failed. */
    @Transactional
    public boolean retry(long deliveryId) {
        return em.createNativeQuery(REQUEUE + " id = ?1").setParameter(1, deliveryId).executeUpdate() == 1;
    }

    /** Requeues every failed delivery of a service; returns how many. */
    @Transactional
    public int retryAll(String service) {
        return em.createNativeQuery(REQUEUE + " service = ?1").setParameter(1, service).executeUpdate();
    }
}
