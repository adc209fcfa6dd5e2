package coop.roseash.shared.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Sessions federation ended (back-channel logout), remembered in Redis so every replica of this
 * service sees the mark; the next request of such a session finds itself signed out. A session id is keyed by its
 * SHA-256, so a copy of Redis names no session.
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
        return values.setex(sessionKey(sessionId), KEEP.toSeconds(), "1");
    }

    /** The Redis key of a session's mark. */
    String sessionKey(String sessionId) {
        return prefix + "sid-sha256:" + sha256(sessionId);
    }

    // marks written before ids were hashed; read until the last of them expires (KEEP after the release that hashed)
    private String legacySessionKey(String sessionId) {
        return prefix + "sid:" + sessionId;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Every session of the member that started before now (a logout token without sid). */
    public Uni<Void> markMember(String subject, long epochSeconds) {
        return values.setex(prefix + "sub:" + subject, KEEP.toSeconds(), Long.toString(epochSeconds));
    }

    public Uni<Boolean> ended(String sessionId, String subject, long issuedAt) {
        Uni<Boolean> bySession = sessionId == null ? Uni.createFrom().item(false)
                : values.mget(sessionKey(sessionId), legacySessionKey(sessionId))
                        .map(found -> found.values().stream().anyMatch(Objects::nonNull));
        return bySession.flatMap(ended -> ended || subject == null ? Uni.createFrom().item(ended)
                : values.get(prefix + "sub:" + subject).map(since -> since != null && issuedAt <= Long.parseLong(since)));
    }
}
