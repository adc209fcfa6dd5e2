package coop.roseash.federation.login;

import coop.roseash.federation.oidc.Issuer;
import coop.roseash.federation.oidc.OpaqueTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The member's sign-in at federation itself: a random session id in federation's own cookie, the
 * member and sign-in time in Redis (seen by every replica). The session id is the {@code sid} of the
 * ID tokens issued in it, which back-channel logout names. Redis keys it by its SHA-256, so a copy of Redis
 * holds no session a browser could present.
 */
@ApplicationScoped
public class FederationSessions {
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final String KEY = "federation:session:";
    // what OpaqueTokens.random() makes
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ValueCommands<String, String> values;
    private final OwnCookie cookie;

    FederationSessions(RedisDataSource redis, Issuer issuer) {
        this.values = redis.value(String.class);
        this.cookie = new OwnCookie(issuer, "federation_session", SESSION_ID);
    }

    /** A signed-in session: who and since when. */
    public record Session(String id, long memberId, Instant authTime) {
    }

    public String cookieName() {
        return cookie.name();
    }

    public Session start(long memberId) {
        return store(new Session(OpaqueTokens.random(), memberId, Instant.now()));
    }

    /**
     * The member signed in again in a browser that holds their session (prompt=login, max_age): the same session,
     * so its sid, which the clients hold and back-channel logout names, stays the same; only the sign-in time moves.
     */
    public Session signedInAgain(Session s) {
        return store(new Session(s.id(), s.memberId(), Instant.now()));
    }

    private Session store(Session s) {
        values.setex(key(s.id()), LIFETIME.toSeconds(), s.memberId() + ":" + s.authTime().getEpochSecond() + ":"
                + s.authTime().getNano() / 1_000_000);
        return s;
    }

    public Optional<Session> current(HttpHeaders headers) {
        Optional<String> id = cookie.read(headers);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String stored = values.get(key(id.get()));
        if (stored == null) {
            return Optional.empty();
        }
        // member:second:millisecond; the milliseconds tell a sign-in from a prompt=login request in the same second
        // (sessions from before they were kept have none)
        String[] parts = stored.split(":");
        Instant authTime = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (parts.length > 2) {
            authTime = authTime.plusMillis(Long.parseLong(parts[2]));
        }
        return Optional.of(new Session(id.get(), Long.parseLong(parts[0]), authTime));
    }

    public void end(String sessionId) {
        values.getdel(key(sessionId));
    }

    /** Ends a session known by the hash of its id only (the member ended it from another session's list). */
    public void endHashed(String sessionHash) {
        values.getdel(KEY + sessionHash);
    }

    /** Whether the session whose id hashes to this is live and member {@code memberId}'s. */
    public boolean liveHashed(String sessionHash, long memberId) {
        String stored = values.get(KEY + sessionHash);
        return stored != null && stored.startsWith(memberId + ":");
    }

    public static String key(String sessionId) {
        return KEY + OpaqueTokens.hash(sessionId);
    }

    public NewCookie cookie(Session s) {
        return cookie.set(s.id(), LIFETIME);
    }

    public NewCookie clearedCookie() {
        return cookie.set("", Duration.ZERO);
    }
}
