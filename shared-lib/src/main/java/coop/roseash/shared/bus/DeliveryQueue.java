package coop.roseash.shared.bus;

import coop.roseash.shared.model.activity.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the delivery queue. Every method runs in the caller's transaction; a delivery is
 * identified by its id and the token of the claim that leased it.
 */
@ApplicationScoped
class DeliveryQueue {

    /** Leases due rows to a token; SKIP LOCKED lets replicas claim side by side without waiting. */
    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM activity_deliveries
                WHERE service = ?1 AND state = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id
                LIMIT ?2
                FOR UPDATE SKIP LOCKED)
            UPDATE activity_deliveries d
            SET claim_token = ?3, claimed_at = now(), updated_at = now(),
                next_attempt_at = now() + ?4 * interval '1 millisecond'
            FROM due WHERE d.id = due.id
            RETURNING d.id""";

    private static final String LOCK = """
            SELECT activity_id, attempts FROM activity_deliveries
            WHERE id = ?1 AND claim_token = ?2 AND state = 'pending'
            FOR UPDATE""";

    private static final String MARK_PROCESSED = """
            UPDATE activity_deliveries
            SET state = 'processed', processed_at = now(), updated_at = now(), claim_token = NULL, last_error = NULL
            WHERE id = ?1""";

    /** Exponential backoff from the attempts so far (the old value in SET expressions); capped. */
    private static final String RECORD_FAILURE = """
            WITH failure AS (
                UPDATE activity_deliveries
                SET attempts = attempts + 1,
                    last_error = ?3,
                    state = CASE WHEN attempts + 1 >= ?4 THEN 'failed' ELSE 'pending' END,
                    next_attempt_at = now() + LEAST(?5 * power(2, LEAST(attempts, 30)), ?6) * interval '1 millisecond',
                    claim_token = NULL,
                    updated_at = now()
                WHERE id = ?1 AND claim_token = ?2 AND state = 'pending'
                RETURNING state)
            SELECT state FROM failure""";

    @Inject
    EntityManager em;

    /** A delivery locked for handling. */
    record Locked(long activityId, int attempts) {
    }

    @SuppressWarnings("unchecked")
    List<Long> claim(String service, UUID token, int limit, Duration lease) {
        List<Number> ids = em.createNativeQuery(CLAIM)
                .setParameter(1, service)
                .setParameter(2, limit)
                .setParameter(3, token)
                .setParameter(4, lease.toMillis())
                .getResultList();
        return ids.stream().map(Number::longValue).sorted().toList();
    }

    /** Locks a delivery still held by this token; empty when its lease was lost or it is done. */
    Optional<Locked> lock(long id, UUID token) {
        List<?> rows = em.createNativeQuery(LOCK).setParameter(1, id).setParameter(2, token).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Locked(((Number) columns[0]).longValue(), ((Number) columns[1]).intValue());
        });
    }

    void markProcessed(long id) {
        em.createNativeQuery(MARK_PROCESSED).setParameter(1, id).executeUpdate();
    }

    /**
     * Counts a failed attempt and schedules the retry, or gives up: the new state ({@code PENDING} or
     * {@code FAILED}); empty when the token no longer holds the delivery.
     */
    Optional<DeliveryState> recordFailure(long id, UUID token, String error, int maxAttempts, Duration initialBackoff,
                                          Duration maxBackoff) {
        List<?> states = em.createNativeQuery(RECORD_FAILURE)
                .setParameter(1, id)
                .setParameter(2, token)
                .setParameter(3, error)
                .setParameter(4, maxAttempts)
                .setParameter(5, initialBackoff.toMillis())
                .setParameter(6, maxBackoff.toMillis())
                .getResultList();
        return states.stream().findFirst().map(state -> new DeliveryState.Converter().convertToEntityAttribute((String) state));
    }
}
