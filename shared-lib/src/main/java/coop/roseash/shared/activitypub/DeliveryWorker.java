package coop.roseash.shared.activitypub;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Posts queued activities ({@code ap_deliveries}) to remote inboxes, signed by their actor. Like the event bus it
 * leases due rows with {@code FOR UPDATE SKIP LOCKED}, so replicas share the queue and a crashed process's rows come
 * back when their lease runs out; nothing lives only in memory, so a restart loses nothing. A 2xx answer marks the row
 * delivered; anything else is retried with exponential backoff (capped at {@code delivery-max-backoff}) until
 * {@code delivery-max-attempts}, then the row is {@code failed}: kept, logged, counted, and listed for admins.
 * <p>
 * On a graceful stop (a rolling update, a restart) the POST in flight finishes and is recorded, and the rest of the
 * claimed batch is handed back at once, so nothing is sent twice and nothing waits out a lease. After a crash the
 * lease brings the claimed rows back: the one POST in flight may then arrive twice, which receivers absorb by the
 * activity's id (as our own inbox does).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM ap_deliveries
                WHERE state = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id LIMIT ?1 FOR UPDATE SKIP LOCKED)
            UPDATE ap_deliveries d SET claim_token = ?2, claimed_at = now(), updated_at = now(),
                next_attempt_at = now() + ?3 * interval '1 millisecond'
            FROM due WHERE d.id = due.id
            RETURNING d.id, d.inbox_url, d.outbox_id""";

    private static final String LOAD = """
            SELECT CAST(o.activity AS text), o.actor_profile_id, o.actor_service FROM ap_outbox o WHERE o.id = ?1""";

    private static final String DELIVERED = """
            UPDATE ap_deliveries SET state = 'delivered', delivered_at = now(), attempts = attempts + 1, last_status = ?3,
                last_error = NULL, claim_token = NULL, updated_at = now()
            WHERE id = ?1 AND claim_token = ?2 AND state = 'pending'""";

    private static final String FAILED = """
            UPDATE ap_deliveries SET attempts = attempts + 1, last_status = NULLIF(?3, 0), last_error = ?4,
                state = CASE WHEN attempts + 1 >= ?5 THEN 'failed' ELSE 'pending' END,
                next_attempt_at = now() + LEAST(?6 * power(2, LEAST(attempts, 30)), ?7) * interval '1 millisecond',
                claim_token = NULL, updated_at = now()
            WHERE id = ?1 AND claim_token = ?2 AND state = 'pending'
            RETURNING state""";

    private static final String RELEASE = """
            UPDATE ap_deliveries SET claim_token = NULL, claimed_at = NULL, next_attempt_at = now(), updated_at = now()
            WHERE claim_token = ?1 AND state = 'pending'""";

    private final EntityManager em;
    private final ActivityPubConfig config;
    private final RemoteFetcher fetcher;
    private final LocalActors actors;
    private final ActorUrls urls;
    private final MeterRegistry metrics;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();

    DeliveryWorker(EntityManager em, ActivityPubConfig config, RemoteFetcher fetcher, LocalActors actors, ActorUrls urls,
                   MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.fetcher = fetcher;
        this.actors = actors;
        this.urls = urls;
        this.metrics = metrics;
    }

    @Scheduled(identity = "roseash-activitypub-delivery", every = "${roseash.activitypub.delivery-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!urls.servedHere() || !"federation".equals(urls.self())) {
            return; // one service posts for all: federation (docs/decisions.md)
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("ActivityPub: cannot poll the delivery queue: %s", e.getMessage());
        }
    }

    /** Delivers due rows until none is left (bounded) or the service stops; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        running.lock();
        try {
            for (int round = 0; round < 50 && !stopping.get(); round++) {
                UUID token = UUID.randomUUID();
                List<?> claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(CLAIM)
                        .setParameter(1, config.deliveryBatchSize()).setParameter(2, token)
                        .setParameter(3, config.deliveryLease().toMillis()).getResultList());
                for (Object row : claimed) {
                    if (stopping.get()) {
                        int released = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(RELEASE)
                                .setParameter(1, token).executeUpdate());
                        LOG.infof("ActivityPub: stopping; %d claimed deliveries handed back to the queue", released);
                        return delivered;
                    }
                    Object[] c = (Object[]) row;
                    if (deliverOne(((Number) c[0]).longValue(), token, (String) c[1], ((Number) c[2]).longValue())) {
                        delivered++;
                    }
                }
                if (claimed.size() < config.deliveryBatchSize()) {
                    break;
                }
            }
            return delivered;
        } finally {
            running.unlock();
        }
    }

    /** A graceful stop waits for the POST in flight (at most one fetch timeout) before the database goes away. */
    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        try {
            if (running.tryLock(config.fetchTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS)) {
                running.unlock();
            } else {
                LOG.warn("ActivityPub: a delivery was still in flight at shutdown; its lease will bring it back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean deliverOne(long id, UUID token, String inbox, long outboxId) {
        int status = 0;
        String error;
        try {
            Object[] o = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(LOAD)
                    .setParameter(1, outboxId).getSingleResult());
            LocalActor signer = actors.byProfileId(((Number) o[1]).longValue(), (String) o[2]).orElseThrow();
            status = fetcher.post(inbox, ((String) o[0]).getBytes(StandardCharsets.UTF_8), signer);
            if (status >= 200 && status < 300) {
                int s = status;
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(DELIVERED).setParameter(1, id)
                        .setParameter(2, token).setParameter(3, s).executeUpdate());
                metrics.counter("roseash.activitypub.deliveries", "outcome", "delivered").increment();
                return true;
            }
            error = inbox + " answered " + status;
        } catch (RemoteFetchRefused | RuntimeException e) {
            error = e.getMessage();
        }
        recordFailure(id, token, status, error);
        return false;
    }

    private void recordFailure(long id, UUID token, int status, String error) {
        String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        List<?> state = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(FAILED).setParameter(1, id)
                .setParameter(2, token).setParameter(3, status).setParameter(4, message)
                .setParameter(5, config.deliveryMaxAttempts()).setParameter(6, config.deliveryInitialBackoff().toMillis())
                .setParameter(7, config.deliveryMaxBackoff().toMillis()).getResultList());
        if (!state.isEmpty() && "failed".equals(state.get(0))) {
            metrics.counter("roseash.activitypub.deliveries", "outcome", "failed").increment();
            LOG.errorf("ActivityPub: gave up delivery %d after %d attempts: %s", id, config.deliveryMaxAttempts(), message);
        } else {
            metrics.counter("roseash.activitypub.deliveries", "outcome", "retry").increment();
            LOG.warnf("ActivityPub: delivery %d failed (%s); retrying with backoff", id, message);
        }
    }
}
