package coop.roseash.shared.bus;

import coop.roseash.shared.model.activity.ActivitySubscription;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Keeps {@code activity_subscriptions} equal to the types this service's handlers declare, so
 * publishers in any service create deliveries for it. Runs at start-up; if the schema is not there
 * yet (another process migrates), the processor retries before each poll.
 */
@ApplicationScoped
public class SubscriptionRegistrar {

    private static final Logger LOG = Logger.getLogger(SubscriptionRegistrar.class);

    private static final String INSERT = """
            INSERT INTO activity_subscriptions (service, activity_type) VALUES (?1, ?2)
            ON CONFLICT (service, activity_type) DO UPDATE SET updated_at = now()""";

    @Inject
    ActivityHandlers handlers;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "roseash.service.name")
    String serviceName;

    private volatile boolean registered;

    void onStart(@Observes StartupEvent event) {
        ensureRegistered();
    }

    /** Registers this service's types unless already done; returns whether they are registered. */
    public boolean ensureRegistered() {
        if (!registered) {
            try {
                register();
            } catch (RuntimeException e) {
                LOG.warnf("Event bus: cannot register the activity types of %s yet (%s); retrying on the next poll",
                        serviceName, e.getMessage());
            }
        }
        return registered;
    }

    /** Rewrites this service's subscriptions to match its handlers. */
    public void register() {
        Set<String> types = handlers.types();
        QuarkusTransaction.requiringNew().run(() -> {
            if (types.isEmpty()) {
                ActivitySubscription.delete("service = ?1", serviceName);
            } else {
                ActivitySubscription.delete("service = ?1 and activityType not in ?2", serviceName, types);
            }
            for (String type : types) {
                em.createNativeQuery(INSERT).setParameter(1, serviceName).setParameter(2, type).executeUpdate();
            }
        });
        registered = true;
        LOG.infof("Event bus: %s handles %s", serviceName, types);
    }
}
