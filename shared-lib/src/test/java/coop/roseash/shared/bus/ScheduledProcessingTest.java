package coop.roseash.shared.bus;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.DeliveryState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static coop.roseash.shared.bus.EventBusFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** With the schedule on (as in every service), published activities are handled without anyone asking. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(ScheduledProcessingTest.ScheduleOn.class)
class ScheduledProcessingTest {

    /** The production default is 1 s; a shorter period keeps the test quick. */
    public static class ScheduleOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("roseash.event-bus.every", "0.2s");
        }
    }

    @Inject
    EventBusFixture fixture;

    @Inject
    TestHandlers.RaceHandler handler;

    @Test
    void theSchedulerProcessesDueDeliveries() throws Exception {
        fixture.clear();
        long id = fixture.publish(TestHandlers.RACE);

        assertThat(eventually(Duration.ofSeconds(10),
                () -> fixture.delivery(id, EventBusFixture.SERVICE).state == DeliveryState.PROCESSED)).isTrue();
        assertThat(handler.calls().get(id)).hasValue(1);
    }
}
