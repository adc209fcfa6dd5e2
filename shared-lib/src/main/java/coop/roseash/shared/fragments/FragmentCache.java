package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Fragments cached in Redis under {@link FragmentKey#cacheKey()} with the catalogue's TTL; writes that change a
 * fragment's content call the invalidation methods (e.g. a cart change drops that member's {@code cart-mini}).
 */
@ApplicationScoped
public class FragmentCache {

    private static final Logger LOG = Logger.getLogger(FragmentCache.class);

    private final ReactiveValueCommands<String, String> values;
    private final RedisDataSource redis;
    private final FragmentsConfig config;

    public FragmentCache(ReactiveRedisDataSource reactiveRedis, RedisDataSource redis, FragmentsConfig config) {
        this.values = reactiveRedis.value(String.class, String.class);
        this.redis = redis;
        this.config = config;
    }

    /** The cached HTML, or null when absent; a Redis failure counts as a miss (the fragment is then fetched). */
    public Uni<String> get(FragmentKey key) {
        return values.get(key.cacheKey()).onFailure().recoverWithItem(failure -> {
            LOG.warnf("fragment cache read failed for %s: %s", key.cacheKey(), failure.toString());
            return null;
        });
    }

    /** Stores the HTML for the type's TTL; a Redis failure only costs the next request a fetch. */
    public Uni<Void> put(FragmentKey key, String html) {
        return values.setex(key.cacheKey(), config.ttlFor(key.type()), html).onFailure().recoverWithItem(failure -> {
            LOG.warnf("fragment cache write failed for %s: %s", key.cacheKey(), failure.toString());
            return null;
        });
    }

    /** Drops one fragment: exactly these provider, type and params. */
    public void invalidate(String provider, String type, Map<String, ?> params) {
        redis.key().del(new FragmentKey(provider, type, FragmentParams.of(params)).cacheKey());
    }

    /** Drops every cached variant of a catalogue fragment from this provider (all users, all params). */
    public void invalidateAll(String provider, FragmentSpec fragment) {
        invalidateAll(provider, fragment.key(provider, FragmentParams.NONE).type());
    }

    /** Drops every cached variant of a type (all users, all params). */
    public void invalidateAll(String provider, String type) {
        deleteMatching(provider, type, key -> true);
    }

    /**
     * Drops every variant of a type whose params include {@code name=value} (whatever the other params are),
     * e.g. {@code invalidateWhere("cart", "cart-mini", "user_id", 42)} after member 42's cart changed.
     */
    public void invalidateWhere(String provider, String type, String name, Object value) {
        String pair = FragmentParams.of(name, value).canonicalQuery();
        int queryStart = FragmentKey.typePrefix(provider, type).length();
        deleteMatching(provider, type, key -> Arrays.asList(key.substring(queryStart).split("&")).contains(pair));
    }

    private void deleteMatching(String provider, String type, Predicate<String> wanted) {
        new FragmentKey(provider, type, FragmentParams.NONE); // validates the names before they go into a pattern
        KeyScanCursor<String> cursor = redis.key().scan(new KeyScanArgs()
                .match(escapeGlob(FragmentKey.typePrefix(provider, type)) + "*").count(500));
        List<String> doomed = new ArrayList<>();
        cursor.toIterable().forEach(key -> {
            if (wanted.test(key)) {
                doomed.add(key);
            }
        });
        if (!doomed.isEmpty()) {
            redis.key().del(doomed.toArray(String[]::new));
        }
    }

    private static String escapeGlob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
