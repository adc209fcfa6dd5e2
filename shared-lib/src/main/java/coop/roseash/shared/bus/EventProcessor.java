package coop.roseash.shared.bus;

import coop.roseash.shared.model.activity.ApActivity;
import coop.roseash.shared.model.activity.DeliveryState;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Processes this service's deliveries: leases a batch of due rows ({@code FOR UPDATE SKIP LOCKED}),
 * then handles each in its own transaction under a row lock, marking it processed in that same
 * transaction. A failure rolls the handlers' work back and schedules a retry with exponential
 * backoff, until {@code max-attempts} marks the delivery failed. Any number of replicas may run.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    /** Rounds of claiming per poll, so one poll cannot run forever while new work keeps arriving. */
    private static final int MAX_ROUNDS_PER_POLL = 20;

    private static final int MAX_ERROR_LENGTH = 2000;

    /** Handled deliveries by outcome: processed, retry (an attempt failed) or failed (gave up). */
    static final String METRIC = "roseash.event.deliveries";
    static final String OUTCOME_PROCESSED = "processed";
    static final String OUTCOME_RETRY = "retry";
    static final String OUTCOME_FAILED = "failed";

    @Inject
    MeterRegistry metrics;

    @Inject
    DeliveryQueue queue;

    @Inject
    ActivityHandlers handlers;

    @Inject
    SubscriptionRegistrar registrar;

    @Inject
    EventBusConfig config;

    @ConfigProperty(name = "roseash.service.name")
    String serviceName;

    @Scheduled(identity = "roseash-event-processor", every = "${roseash.event-bus.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (registrar.ensureRegistered()) {
                processDue();
            }
        } catch (RuntimeException e) {
            // the database is unreachable or restarting: one line per poll, the rows wait
            LOG.warnf("Event bus: %s cannot poll its deliveries: %s", serviceName, e.getMessage());
        }
    }

    /**
     * Handles due deliveries of this service until none is left (or a bounded number of batches).
     *
     * @return how many deliveries were processed successfully
     */
    public int processDue() {
        int processed = 0;
        for (int round = 0; round < MAX_ROUNDS_PER_POLL; round++) {
            UUID token = UUID.randomUUID();
            List<Long> claimed = QuarkusTransaction.requiringNew()
                    .call(() -> queue.claim(serviceName, token, config.batchSize(), config.lease()));
            for (long id : claimed) {
                if (processOne(id, token)) {
                    processed++;
                }
            }
            if (claimed.size() < config.batchSize()) {
                break;
            }
        }
        return processed;
    }

    private boolean processOne(long deliveryId, UUID token) {
        try {
            boolean processed = QuarkusTransaction.requiringNew().call(() -> handle(deliveryId, token));
            if (processed) {
                count(OUTCOME_PROCESSED); // after the commit, so a failed commit is not counted
            }
            return processed;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
            recordFailure(deliveryId, token, cause);
            return false;
        }
    }

    private boolean handle(long deliveryId, UUID token) throws Exception {
        Optional<DeliveryQueue.Locked> locked = queue.lock(deliveryId, token);
        if (locked.isEmpty()) {
            return false; // the lease ran out and another replica took the row
        }
        ApActivity row = ApActivity.findById(locked.get().activityId());
        ReceivedActivity activity = new ReceivedActivity(row.id, row.type, row.actor, row.object, row.originService,
                row.visibility, row.createdAt, locked.get().attempts() + 1);
        List<ActivityHandler> matching = handlers.forType(activity.type());
        if (matching.isEmpty()) {
            // a stale subscription (for example during a rolling update): retry, a newer replica may handle it
            throw new IllegalStateException("no handler for " + activity.type() + " in " + serviceName);
        }
        for (ActivityHandler handler : matching) {
            handler.handle(activity);
        }
        queue.markProcessed(deliveryId);
        return true;
    }

    private void count(String outcome) {
        metrics.counter(METRIC, "service", serviceName, "outcome", outcome).increment();
    }

    private void recordFailure(long deliveryId, UUID token, Throwable cause) {
        String error = describe(cause);
        try {
            Optional<DeliveryState> state = QuarkusTransaction.requiringNew().call(() -> queue.recordFailure(
                    deliveryId, token, error, config.maxAttempts(), config.initialBackoff(), config.maxBackoff()));
            if (state.isEmpty()) {
                LOG.warnf(cause, "Event bus: delivery %d failed in %s after its lease ran out; not recorded",
                        deliveryId, serviceName);
            } else if (state.get() == DeliveryState.FAILED) {
                count(OUTCOME_FAILED);
                LOG.errorf(cause, "Event bus: delivery %d failed in %s for the last time (max-attempts %d); "
                        + "FailedDeliveries.retry requeues it", deliveryId, serviceName, config.maxAttempts());
            } else {
                count(OUTCOME_RETRY);
                LOG.warnf(cause, "Event bus: delivery %d failed in %s; retrying with backoff", deliveryId, serviceName);
            }
        } catch (RuntimeException e) {
            // the lease still protects the row; it is retried once the lease runs out
            LOG.errorf(e, "Event bus: could not record the failure of delivery %d: %s", deliveryId, error);
        }
    }

    private static String describe(Throwable cause) {
        String text = cause.getClass().getName() + ": " + cause.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
