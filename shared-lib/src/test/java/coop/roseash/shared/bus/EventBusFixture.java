package coop.roseash.shared.bus;

import coop.roseash.shared.model.activity.ActivityDelivery;
import coop.roseash.shared.bus.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Publishing, inspecting and waiting helpers shared by the event-bus tests. */
@ApplicationScoped
class EventBusFixture {

    static final String ACTOR = "http://blog.localhost:8001";

    /** roseash.service.name of the test application. */
    static final String SERVICE = "shared-test";

    @Inject
    ActivityPublisher publisher;

    @Inject
    EntityManager em;

    /**
     * Removes every activity (and so every delivery) left by earlier tests, and the subscriptions of
     * other test applications that shared this database (other profiles use other service names).
     */
    void clear() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM ap_activities WHERE true").executeUpdate();
            em.createNativeQuery("DELETE FROM activity_subscriptions WHERE service <> ?1")
                    .setParameter(1, SERVICE).executeUpdate();
            em.createNativeQuery("DELETE FROM snippets WHERE slug LIKE 'failing-handler-%'").executeUpdate();
        });
    }

    long publish(String type) {
        return QuarkusTransaction.requiringNew().call(() ->
                publisher.publish(type, ACTOR, "{\"n\": 1}", "blog", Visibility.INTERNAL));
    }

    List<ActivityDelivery> deliveries(long activityId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ActivityDelivery.<ActivityDelivery>list("activity.id = ?1 order by service", activityId));
    }

    ActivityDelivery delivery(long activityId, String service) {
        return deliveries(activityId).stream().filter(d -> d.service.equals(service)).findFirst().orElseThrow();
    }

    /** Polls the condition every 50 ms until it holds; false on timeout. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
