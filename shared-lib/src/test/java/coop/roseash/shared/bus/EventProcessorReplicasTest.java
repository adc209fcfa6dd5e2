package coop.roseash.shared.bus;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.DeliveryState;
import coop.roseash.shared.bus.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of one service: two processors, each on its own thread with its own transactions, race
 * over the same 500 deliveries and handle every one exactly once; a dead replica's claims are taken
 * over once its lease runs out.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EventProcessorReplicasTest {

    private static final int ACTIVITIES = 500;

    @Inject
    EventBusFixture fixture;

    @Inject
    ActivityPublisher publisher;

    @Inject
    EventProcessor processor;

    @Inject
    TestHandlers.RaceHandler handler;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        fixture.clear();
        handler.calls().clear();
    }

    @Test
    void twoProcessorsHandleEveryDeliveryExactlyOnce() throws Exception {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> published = new ArrayList<>();
            for (int i = 0; i < ACTIVITIES; i++) {
                published.add(publisher.publish(TestHandlers.RACE, EventBusFixture.ACTOR, "{\"i\": " + i + "}",
                        "blog", Visibility.INTERNAL));
            }
            return published;
        });

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replica = () -> {
                start.await();
                int processed = 0;
                for (int idle = 0; idle < 3; ) {
                    int round = processor.processDue();
                    processed += round;
                    idle = round == 0 ? idle + 1 : 0;
                }
                return processed;
            };
            Future<Integer> first = replicas.submit(replica);
            Future<Integer> second = replicas.submit(replica);
            start.countDown();
            int byFirst = first.get(2, TimeUnit.MINUTES);
            int bySecond = second.get(2, TimeUnit.MINUTES);

            assertThat(byFirst + bySecond).isEqualTo(ACTIVITIES);
            // both really took part in the race
            assertThat(byFirst).isPositive();
            assertThat(bySecond).isPositive();
        } finally {
            replicas.shutdownNow();
        }

        assertThat(handler.calls().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(handler.calls().values()).extracting(AtomicInteger::get).containsOnly(1);
        Number processedRows = (Number) em.createNativeQuery("""
                SELECT count(*) FROM activity_deliveries
                WHERE service = 'shared-test' AND state = 'processed' AND attempts = 0 AND claim_token IS NULL""")
                .getSingleResult();
        assertThat(processedRows.intValue()).isEqualTo(ACTIVITIES);
    }

    @Test
    void aDeadReplicasLeaseHoldsUntilItRunsOutThenTheWorkIsTakenOver() {
        long held = fixture.publish(TestHandlers.RACE);
        long expired = fixture.publish(TestHandlers.RACE);
        claimByDeadReplica(held, "now() + interval '5 minutes'");
        claimByDeadReplica(expired, "now() - interval '1 second'");

        assertThat(processor.processDue()).isEqualTo(1);

        assertThat(fixture.delivery(held, EventBusFixture.SERVICE).state).isEqualTo(DeliveryState.PENDING);
        assertThat(fixture.delivery(expired, EventBusFixture.SERVICE).state).isEqualTo(DeliveryState.PROCESSED);
        assertThat(handler.calls()).containsOnlyKeys(expired);
    }

    private void claimByDeadReplica(long activityId, String leaseEnd) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE activity_deliveries SET claim_token = ?1, claimed_at = now(), next_attempt_at = " + leaseEnd
                        + " WHERE activity_id = ?2")
                .setParameter(1, UUID.randomUUID()).setParameter(2, activityId).executeUpdate());
    }
}
