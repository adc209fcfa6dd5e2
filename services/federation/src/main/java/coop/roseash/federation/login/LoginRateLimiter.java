package coop.roseash.federation.login;

import coop.roseash.federation.oidc.OpaqueTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Limits sign-in emails per address (no flooding someone's inbox) and per client address (no
 * spraying the whole member list), with fixed-window counters in Redis shared by every replica.
 */
@ApplicationScoped
public class LoginRateLimiter {
    private static final String KEY = "federation:login-rate:";

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;
    private final int perEmail;
    private final int perClient;
    private final Duration window;

    LoginRateLimiter(RedisDataSource redis,
                     @ConfigProperty(name = "roseash.federation.login.max-per-email", defaultValue = "5") int perEmail,
                     @ConfigProperty(name = "roseash.federation.login.max-per-client", defaultValue = "30") int perClient,
                     @ConfigProperty(name = "roseash.federation.login.window", defaultValue = "PT15M") Duration window) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.perEmail = perEmail;
        this.perClient = perClient;
        this.window = window;
    }

    /** Counts one attempt; false when either limit is already used up. */
    public boolean allow(String email, String clientAddress) {
        boolean clientOk = hit("client:" + clientAddress) <= perClient;
        boolean emailOk = hit("email:" + OpaqueTokens.hash(Members.normalise(email))) <= perEmail;
        return clientOk && emailOk;
    }

    private long hit(String name) {
        String key = KEY + name;
        long count = counters.incr(key);
        if (count == 1) {
            keys.expire(key, window);
        }
        return count;
    }
}
