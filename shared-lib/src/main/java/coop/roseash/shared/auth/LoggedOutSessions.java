package coop.roseash.shared.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Sessions federation ended (back-channel logout), remembered in Redis so every replica of this
 * service sees the mark; the next request of such a session finds itself signed out.
 */
@ApplicationScoped
public class LoggedOutSessions {
    /** Longer than any session of a client lives. */
    private static final Duration KEEP = Duration.ofDays(31);

    private final ReactiveValueCommands<String, String> values;
    private final String prefix;

    LoggedOutSessions(ReactiveRedisDataSource redis, @ConfigProperty(name = "roseash.service.name") String service) {
        this.values = redis.value(String.class);
        this.prefix = "auth:" + service + ":logged-out:";
    }

    public Uni<Void> markSession(String sessionId) {
        return values.setex(prefix + "sid:" + sessionId, KEEP.toSeconds(), "1");
    }

    /** Every session of the member that started before now (a logout token without sid). */
    public Uni<Void> markMember(String subject, long epochSeconds) {
        return values.setex(prefix + "sub:" + subject, KEEP.toSeconds(), Long.toString(epochSeconds));
    }

    public Uni<Boolean> ended(String sessionId, String subject, long issuedAt) {
        Uni<Boolean> bySession = sessionId == null ? Uni.createFrom().item(false)
                : values.get(prefix + "sid:" + sessionId).map(v -> v != null);
        return bySession.flatMap(ended -> ended || subject == null ? Uni.createFrom().item(ended)
                : values.get(prefix + "sub:" + subject).map(since -> since != null && issuedAt <= Long.parseLong(since)));
    }
}
