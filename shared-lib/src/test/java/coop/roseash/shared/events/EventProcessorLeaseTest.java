package coop.roseash.shared.events;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.DeliveryState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that claimed deliveries and died: its lease keeps them from others until it runs out,
 * then another processor takes them over, and nothing is lost.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EventProcessorLeaseTest {

    @Inject
    EventBusFixture fixture;

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
