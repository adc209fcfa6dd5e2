package coop.roseash.shared.events;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processors, each on its own thread with its own transactions (as two replicas of a service
 * would be), race over the same 500 deliveries: every one is handled exactly once.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EventProcessorRaceTest {

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
}
