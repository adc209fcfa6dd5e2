package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Fragments cached in Redis under {@link FragmentKey#cacheKey()} with the catalogue's TTL, and in this process's
 * {@link NearCache} in front of it (never longer than the Redis copy lives); writes that change a fragment's content
 * call the invalidation methods (e.g. a cart change drops that member's {@code cart-mini}), which reach every
 * replica's near cache through Redis pub/sub.
 */
@ApplicationScoped
public class FragmentCache {

    private static final Logger LOG = Logger.getLogger(FragmentCache.class);
    /** How long a failed fragment stays empty here (well inside the circuit breaker's delay, 5 s by default). */
    static final long FAILURE_MEMO_NANOS = 1_000_000_000L;

    // the value and the time it has left, in one atomic round trip; nothing when the key is absent
    private static final String GET_WITH_TTL = "local v = redis.call('GET', KEYS[1]) "
            + "if not v then return nil end return {v, redis.call('PTTL', KEYS[1])}";

    private final ReactiveValueCommands<String, String> values;
    private final RedisDataSource redis;
    private final FragmentsConfig config;
    private final ReactiveRedisDataSource reactiveRedis;
    private final String channel;
    /** Null when turned off ({@code roseash.fragments.near-cache.enabled=false}): every read goes to Redis. */
    private final NearCache near;

    public FragmentCache(ReactiveRedisDataSource reactiveRedis, RedisDataSource redis, FragmentsConfig config) {
        this.values = reactiveRedis.value(String.class, String.class);
        this.reactiveRedis = reactiveRedis;
        this.redis = redis;
        this.config = config;
        this.channel = NearCache.channel(ConfigProvider.getConfig().getOptionalValue("quarkus.redis.hosts", String.class)
                .orElse(null));
        this.near = config.nearCache().enabled() ? new NearCache(reactiveRedis, channel, config.nearCache().maxEntries()) : null;
    }

    void listen(@Observes StartupEvent started) {
        if (near != null) {
            near.listen();
        }
    }

    /** The cached HTML, or null when absent; a Redis failure counts as a miss (the fragment is then fetched). */
    public Uni<String> get(FragmentKey key) {
        String cacheKey = key.cacheKey();
        String held = near == null ? null : near.get(cacheKey);
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        Uni<String> read = near == null || !near.listening() ? values.get(cacheKey) : readIntoNearCache(cacheKey);
        return read.onFailure().recoverWithItem(failure -> {
            LOG.warnf("fragment cache read failed for %s: %s", cacheKey, failure.toString());
            return null;
        });
    }

    private Uni<String> readIntoNearCache(String cacheKey) {
        long generation = near.generation();
        // taken before asking: Redis counts the time left from a later moment, so the copy never outlives the key
        long askedAt = System.nanoTime();
        return reactiveRedis.execute("EVAL", GET_WITH_TTL, "1", cacheKey).map(response -> {
            if (response == null || response.size() < 2) {
                return null;
            }
            String html = response.get(0).toString();
            Response ttl = response.get(1);
            long millisLeft = ttl == null ? -1 : ttl.toLong();
            if (millisLeft > 0) {
                near.keep(cacheKey, html, askedAt + millisLeft * 1_000_000, generation);
            }
            return html;
        });
    }

    /** Stores the HTML for the type's TTL; a Redis failure only costs the next request a fetch. */
    public Uni<Void> put(FragmentKey key, String html) {
        if (near != null) {
            // before the Redis write, so the Redis copy lives at least as long
            near.keep(key.cacheKey(), html, System.nanoTime() + config.ttlFor(key.type()) * 1_000_000_000L,
                    near.generation());
        }
        return values.setex(key.cacheKey(), config.ttlFor(key.type()), html).onFailure().recoverWithItem(failure -> {
            LOG.warnf("fragment cache write failed for %s: %s", key.cacheKey(), failure.toString());
            return null;
        });
    }

    /**
     * Shows a fragment that just failed empty for {@link #FAILURE_MEMO_NANOS} without asking Redis or the provider
     * again (in this process only; never in Redis): a page of ten fragments from a provider that is down or lacks
     * them would otherwise make ten Redis round trips per request. An invalidation drops it like any entry.
     */
    public void rememberFailure(FragmentKey key) {
        if (near != null) {
            near.keep(key.cacheKey(), "", System.nanoTime() + FAILURE_MEMO_NANOS, near.generation());
        }
    }

    /** Drops one fragment: exactly these provider, type and params. */
    public void invalidate(String provider, String type, Map<String, ?> params) {
        String cacheKey = new FragmentKey(provider, type, FragmentParams.of(params)).cacheKey();
        dropNear(NearCache.exact(cacheKey));
        redis.key().del(cacheKey);
        tellReplicas(NearCache.exact(cacheKey));
    }

    /** Drops every cached variant of a catalogue fragment from this provider (all users, all params). */
    public void invalidateAll(String provider, FragmentSpec fragment) {
        invalidateAll(provider, fragment.key(provider, FragmentParams.NONE).type());
    }

    /** Drops every cached variant of a type (all users, all params). */
    public void invalidateAll(String provider, String type) {
        String message = NearCache.ofType(FragmentKey.typePrefix(provider, type), null);
        dropNear(message);
        deleteMatching(provider, type, key -> true);
        tellReplicas(message);
    }

    /**
     * Drops every variant of a type whose params include {@code name=value} (whatever the other params are),
     * e.g. {@code invalidateWhere("cart", "cart-mini", "user_id", 42)} after member 42's cart changed.
     */
    public void invalidateWhere(String provider, String type, String name, Object value) {
        String pair = FragmentParams.of(name, value).canonicalQuery();
        int queryStart = FragmentKey.typePrefix(provider, type).length();
        String message = NearCache.ofType(FragmentKey.typePrefix(provider, type), pair);
        dropNear(message);
        deleteMatching(provider, type, key -> Arrays.asList(key.substring(queryStart).split("&")).contains(pair));
        tellReplicas(message);
    }

    // dropped here before Redis changes (a read racing the delete is then not kept), and on every replica after
    private void dropNear(String message) {
        if (near != null) {
            near.drop(message);
        }
    }

    private void tellReplicas(String message) {
        String sent = near == null ? "off\t" + message : near.fromHere(message);
        reactiveRedis.pubsub(String.class).publish(channel, sent).subscribe().with(ignored -> { },
                failure -> LOG.warnf("fragment invalidation not sent to the other replicas: %s", failure.toString()));
    }

    /** Whether reads are served from the near cache now (it is on and hears the other replicas' invalidations). */
    boolean nearCacheListening() {
        return near != null && near.listening();
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
