package coop.roseash.shared.auth;

import coop.roseash.shared.bus.ActivityPublisher;
import coop.roseash.shared.bus.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On every sign-in through federation, publishes a {@value #TYPE} activity (internal) naming the member
 * and the anonymous device the sign-in came from, so each service can adopt what that device
 * collected (cart lines, bookings, tickets). Object: {@code {"type":"Login","user_id":N,"device_id":"..."}}.
 */
@ApplicationScoped
public class LoginActivity {
    public static final String TYPE = "Login";
    private static final Logger LOG = Logger.getLogger(LoginActivity.class);

    private final ActivityPublisher publisher;
    private final ManagedExecutor executor;

    LoginActivity(ActivityPublisher publisher, ManagedExecutor executor) {
        this.publisher = publisher;
        this.executor = executor;
    }

    void onLogin(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN
                || !(event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", TYPE);
        object.put("user_id", Long.parseLong(token.getSubject()));
        String device = token.getClaim("device_id");
        if (device != null) {
            object.put("device_id", device);
        }
        // the event arrives on the I/O thread: write the row on a worker
        executor.runAsync(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        publisher.publish(TYPE, "users/" + token.getSubject(), object, Visibility.INTERNAL));
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not publish the login of member %s", token.getSubject());
            }
        });
    }
}
