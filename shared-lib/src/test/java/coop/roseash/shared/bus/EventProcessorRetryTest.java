package coop.roseash.shared.bus;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.ActivityDelivery;
import coop.roseash.shared.model.activity.DeliveryState;
import coop.roseash.shared.model.blog.Snippet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static coop.roseash.shared.bus.EventBusFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed handling is retried with exponential backoff (0.2 s, then 0.4 s in the test config) and
 * given up after max-attempts (3) with the error kept; a failed attempt leaves nothing behind.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EventProcessorRetryTest {

    private static final String SERVICE = EventBusFixture.SERVICE;

    @Inject
    EventBusFixture fixture;

    @Inject
    EventProcessor processor;

    @Inject
    TestHandlers.FlakyHandler flaky;

    @Inject
    TestHandlers.BrokenHandler broken;

    @Inject
    FailedDeliveries failedDeliveries;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void clean() {
        fixture.clear();
        flaky.attempts().clear();
    }

    @Test
    void retriesWithGrowingBackoffThenSucceeds() throws Exception {
        long id = fixture.publish(TestHandlers.FLAKY);

        assertThat(processor.processDue()).isZero();
        ActivityDelivery afterFirst = fixture.delivery(id, SERVICE);
        assertThat(afterFirst.state).isEqualTo(DeliveryState.PENDING);
        assertThat(afterFirst.attempts).isEqualTo(1);
        assertThat(afterFirst.lastError).contains("not yet, attempt 1");
        assertThat(afterFirst.nextAttemptAt).isAfter(Instant.now().plusMillis(50));
        // not due yet: an immediate second poll leaves it alone
        assertThat(processor.processDue()).isZero();
        assertThat(flaky.attempts()).hasSize(1);

        assertThat(processUntil(id, DeliveryState.PROCESSED)).isTrue();

        ActivityDelivery done = fixture.delivery(id, SERVICE);
        assertThat(done.attempts).isEqualTo(2);
        assertThat(done.lastError).isNull();
        assertThat(done.processedAt).isNotNull();
        List<Instant> attempts = flaky.attempts();
        assertThat(attempts).hasSize(3);
        long firstWait = Duration.between(attempts.get(0), attempts.get(1)).toMillis();
        long secondWait = Duration.between(attempts.get(1), attempts.get(2)).toMillis();
        assertThat(firstWait).isGreaterThanOrEqualTo(190);
        assertThat(secondWait).isGreaterThanOrEqualTo(390);
    }

    @Test
    void givesUpAfterMaxAttemptsAndKeepsTheError() throws Exception {
        long id = fixture.publish(TestHandlers.BROKEN);
        int callsBefore = broken.calls();
        double failedBefore = counted(EventProcessor.OUTCOME_FAILED);
        double retriesBefore = counted(EventProcessor.OUTCOME_RETRY);

        assertThat(processUntil(id, DeliveryState.FAILED)).isTrue();

        ActivityDelivery failed = fixture.delivery(id, SERVICE);
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.lastError).contains("IllegalStateException").contains("boom on activity " + id);
        assertThat(failed.processedAt).isNull();
        assertThat(broken.calls() - callsBefore).isEqualTo(3);

        Thread.sleep(1200); // longer than max-backoff: a failed delivery is never picked up again
        processor.processDue();
        assertThat(broken.calls() - callsBefore).isEqualTo(3);
        assertThat(counted(EventProcessor.OUTCOME_FAILED) - failedBefore).isEqualTo(1);
        assertThat(counted(EventProcessor.OUTCOME_RETRY) - retriesBefore).isEqualTo(2);

        // the operator fixes the cause and requeues it: it gets a fresh set of attempts
        assertThat(failedDeliveries.retryAll(SERVICE)).isEqualTo(1);
        processor.processDue();
        assertThat(broken.calls() - callsBefore).isEqualTo(4);
        assertThat(fixture.delivery(id, SERVICE).attempts).isEqualTo(1);
    }

    @Test
    void aFailedAttemptRollsBackTheHandlersWrites() {
        long id = fixture.publish(TestHandlers.WRITES_THEN_FAILS);

        processor.processDue();

        assertThat(fixture.delivery(id, SERVICE).attempts).isEqualTo(1);
        long written = QuarkusTransaction.requiringNew().call(() ->
                Snippet.count("slug like ?1", "failing-handler-" + id + "-%"));
        assertThat(written).isZero();
    }

    private double counted(String outcome) {
        Counter counter = metrics.find(EventProcessor.METRIC).tags("service", SERVICE, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Polls like the scheduler would until this service's delivery reaches the state (10 s at most). */
    private boolean processUntil(long activityId, DeliveryState state) throws InterruptedException {
        return eventually(Duration.ofSeconds(10), () -> {
            processor.processDue();
            return fixture.delivery(activityId, SERVICE).state == state;
        });
    }
}
