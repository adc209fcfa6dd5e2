package coop.roseash.shared.bus;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.activity.ActivityDelivery;
import coop.roseash.shared.model.activity.ApActivity;
import coop.roseash.shared.model.activity.DeliveryState;
import coop.roseash.shared.bus.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing writes the activity and one pending delivery per subscribed service, in the caller's transaction. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ActivityPublisherTest {

    @Inject
    EventBusFixture fixture;

    @Inject
    ActivityPublisher publisher;

    @Inject
    EventProcessor processor;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        fixture.clear();
        subscribeOtherService();
    }

    @AfterEach
    void unsubscribeOtherService() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM activity_subscriptions WHERE service = 'other-service'").executeUpdate());
    }

    @Test
    void thisServiceRegisteredItsHandlersTypesAtStartUp() {
        List<Object> types = em.createNativeQuery(
                "SELECT activity_type FROM activity_subscriptions WHERE service = 'shared-test'").getResultList();
        assertThat(types).contains(TestHandlers.RACE, TestHandlers.FLAKY, TestHandlers.BROKEN);
    }

    @Test
    void eachSubscribedServiceGetsItsOwnDelivery() {
        long id = fixture.publish(TestHandlers.FLAKY);

        assertThat(fixture.deliveries(id)).extracting(d -> d.service).containsExactly("other-service", EventBusFixture.SERVICE);
        assertThat(fixture.deliveries(id)).allSatisfy(d -> {
            assertThat(d.state).isEqualTo(DeliveryState.PENDING);
            assertThat(d.attempts).isZero();
        });
    }

    @Test
    void aWildcardSubscriberGetsEveryTypeAndAnUnhandledTypeIsStillStored() {
        long wildcardOnly = fixture.publish("test:Unhandled");
        assertThat(fixture.deliveries(wildcardOnly)).extracting(d -> d.service).containsExactly("other-service");

        unsubscribeOtherService();
        long nobody = fixture.publish("test:Unhandled");
        assertThat(fixture.deliveries(nobody)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApActivity.<ApActivity>findById(nobody)).type)
                .isEqualTo("test:Unhandled");
    }

    @Test
    void processingOneServiceLeavesTheOthersDeliveryPending() {
        long id = fixture.publish(TestHandlers.RACE);

        processor.processDue();

        assertThat(fixture.delivery(id, EventBusFixture.SERVICE).state).isEqualTo(DeliveryState.PROCESSED);
        assertThat(fixture.delivery(id, "other-service").state).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void rolledBackBusinessTransactionLeavesNoActivity() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            publisher.publish(TestHandlers.RACE, EventBusFixture.ACTOR, "{}", "blog", Visibility.INTERNAL);
            throw new IllegalStateException("business rule failed");
        })).hasMessageContaining("business rule failed");

        assertThat(QuarkusTransaction.requiringNew().call(() -> ApActivity.count())).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ActivityDelivery.count())).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> publisher.publish("Create", EventBusFixture.ACTOR, "{}", "blog", Visibility.PUBLIC))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void objectsAreSerializedAndBadInputIsRejected() {
        long id = QuarkusTransaction.requiringNew().call(() ->
                publisher.publish("Create", EventBusFixture.ACTOR, Map.of("type", "Note"), Visibility.PUBLIC));
        ApActivity stored = QuarkusTransaction.requiringNew().call(() -> ApActivity.findById(id));
        assertThat(stored.object).contains("\"Note\"");
        assertThat(stored.originService).isEqualTo(EventBusFixture.SERVICE);
        assertThat(stored.visibility).isEqualTo(Visibility.PUBLIC);

        assertRejected(() -> publisher.publish("Create", EventBusFixture.ACTOR, "{not json", "blog", null),
                "not valid JSON");
        assertRejected(() -> publisher.publish(" ", EventBusFixture.ACTOR, "{}", "blog", null), "type");
        assertRejected(() -> publisher.publish("Create", EventBusFixture.ACTOR, (Object) "{}", Visibility.PUBLIC),
                "JSON text");
    }

    private static void assertRejected(Runnable publish, String message) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(publish))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private void subscribeOtherService() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO activity_subscriptions (service, activity_type)
                VALUES ('other-service', 'test:Flaky'), ('other-service', '*')
                ON CONFLICT DO NOTHING""").executeUpdate());
    }
}
