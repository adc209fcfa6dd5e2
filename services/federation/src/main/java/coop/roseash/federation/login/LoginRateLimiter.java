package coop.roseash.federation.login;

import coop.roseash.federation.oidc.OpaqueTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Limits sign-in emails, with counters in Redis shared by every replica, each a fixed window:
 * <ul>
 * <li>per address <em>and</em> client (no flooding someone's inbox from one place), so that nobody can keep a
 * member from signing in by asking for their links from elsewhere (sign-in is passwordless: a per-address
 * limit alone would be a lock-out anyone can trigger);</li>
 * <li>per client address (no spraying the whole member list);</li>
 * <li>a ceiling over everyone (no mail storm, whatever the number of clients).</li>
 * </ul>
 * Each counter's increment and its expiry are one Lua script, so a counter can never be left without an expiry
 * (which would lock its address out for good).
 */
@ApplicationScoped
public class LoginRateLimiter {
    static final String KEY = "federation:login-rate:";
    // INCR and, on the first hit or for a counter somehow left without one, the window's expiry: atomically
    private static final String HIT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return n""";

    private final RedisDataSource redis;
    private final int perEmailAndClient;
    private final int perClient;
    private final int total;
    private final Duration window;

    LoginRateLimiter(RedisDataSource redis,
                     @ConfigProperty(name = "roseash.federation.login.max-per-email", defaultValue = "5") int perEmailAndClient,
                     @ConfigProperty(name = "roseash.federation.login.max-per-client", defaultValue = "30") int perClient,
                     @ConfigProperty(name = "roseash.federation.login.max-total", defaultValue = "1000") int total,
                     @ConfigProperty(name = "roseash.federation.login.window", defaultValue = "PT15M") Duration window) {
        this.redis = redis;
        this.perEmailAndClient = perEmailAndClient;
        this.perClient = perClient;
        this.total = total;
        this.window = window;
    }

    /** Counts one attempt; false when any of the limits is already used up. */
    public boolean allow(String email, String clientAddress) {
        String emailHash = OpaqueTokens.hash(Members.normalise(email));
        boolean pairOk = hit("email-client:" + emailHash + ":" + clientAddress) <= perEmailAndClient;
        boolean clientOk = hit("client:" + clientAddress) <= perClient;
        boolean totalOk = hit("total") <= total;
        return pairOk && clientOk && totalOk;
    }

    private long hit(String name) {
        return redis.execute("EVAL", HIT, "1", KEY + name, Long.toString(window.toMillis())).toLong();
    }
}
