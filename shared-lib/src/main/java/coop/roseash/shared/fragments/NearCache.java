package coop.roseash.shared.fragments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The fragments of this process's recent pages, in memory in front of Redis, so a warm page does not wait for Redis.
 * Bounded ({@code roseash.fragments.near-cache.max-entries}); an entry expires no later than its Redis copy (it
 * gets the time the Redis key has left); an invalidation on any replica reaches every replica through the Redis
 * channel {@link #channel}. It is used only while subscribed to that channel: a replica that cannot hear
 * invalidations reads Redis, as before.
 */
final class NearCache {

    private static final String CHANNEL = "fragment-cache:invalidate";
    private static final Logger LOG = Logger.getLogger(NearCache.class);
    private static final long RESUBSCRIBE_EVERY_NANOS = 5_000_000_000L;
    // message: SENDER \t KIND \t cache key or type prefix [\t param pair] (no field holds a tab: queries are %-encoded)
    private static final String EXACT = "key";
    private static final String TYPE = "type";
    /** Drops every entry on every replica: what an operator publishes after emptying Redis by hand (FLUSHDB). */
    public static final String ALL = "ALL";

    private record Entry(String html, long expiresAtNanos) {}

    private final Cache<String, Entry> entries;
    private final ReactivePubSubCommands<String> pubsub;
    private final String channel;
    /** This process, so it skips its own invalidations when they come back (it dropped them when sending). */
    private final String id = UUID.randomUUID().toString();
    private final AtomicBoolean subscribing = new AtomicBoolean();
    /** Bumped by every invalidation, so a Redis read that started before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile long lastAttemptNanos = System.nanoTime() - RESUBSCRIBE_EVERY_NANOS;

    NearCache(ReactiveRedisDataSource redis, String channel, long maxEntries) {
        this.pubsub = redis.pubsub(String.class);
        this.channel = channel;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfter(new Expiry<String, Entry>() {
            @Override
            public long expireAfterCreate(String key, Entry entry, long now) {
                return Math.max(0, entry.expiresAtNanos() - now);
            }

            @Override
            public long expireAfterUpdate(String key, Entry entry, long now, long currentDuration) {
                return Math.max(0, entry.expiresAtNanos() - now);
            }

            @Override
            public long expireAfterRead(String key, Entry entry, long now, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /** The HTML held here, or null; also (re)subscribes to the channel when not listening. */
    String get(String cacheKey) {
        if (!listening) {
            subscribeSoon();
            return null;
        }
        Entry entry = entries.getIfPresent(cacheKey);
        return entry == null ? null : entry.html();
    }

    /** Where a read starts: {@link #keep} stores its answer only if no invalidation came in between. */
    long generation() {
        return generation.get();
    }

    /**
     * Holds {@code html} until {@code expiresAtNanos} (System.nanoTime), unless an invalidation came since
     * {@code generationAtRead} (from {@link #generation()} when the read started).
     */
    void keep(String cacheKey, String html, long expiresAtNanos, long generationAtRead) {
        if (listening && generation.get() == generationAtRead && expiresAtNanos - System.nanoTime() > 0) {
            entries.put(cacheKey, new Entry(html, expiresAtNanos));
        }
    }

    /**
     * The channel of the platform using this Redis database ({@code redis://host:port/DB}): pub/sub ignores the
     * database index, and platforms (or test runs) sharing a Redis server on other indexes have their own fragments.
     */
    static String channel(String redisUrl) {
        String db = "0";
        try {
            String path = redisUrl == null ? null : URI.create(redisUrl.split(",")[0].trim()).getPath();
            if (path != null && path.matches("/\\d+")) {
                db = path.substring(1);
            }
        } catch (IllegalArgumentException e) {
            LOG.debugf("no database index in %s, using 0: %s", redisUrl, e.getMessage());
        }
        return CHANNEL + ":" + db;
    }

    /** The message that makes every replica drop this key. */
    static String exact(String cacheKey) {
        return EXACT + "\t" + cacheKey;
    }

    /** The message that makes every replica drop the keys starting with {@code typePrefix} (whose query holds {@code pair}). */
    static String ofType(String typePrefix, String pair) {
        return TYPE + "\t" + typePrefix + "\t" + (pair == null ? "" : pair);
    }

    /** What to publish for {@code message}: it carries this process's id, so this process skips it. */
    String fromHere(String message) {
        return id + "\t" + message;
    }

    /** A message from the channel: dropped here unless this process sent it. */
    private void received(String published) {
        int tab = published.indexOf('\t');
        if (tab < 0 || !published.substring(0, tab).equals(id)) {
            drop(tab < 0 ? published : published.substring(tab + 1));
        }
    }

    /** Drops what the message names here; the replica that sends it calls this before Redis changes. */
    void drop(String message) {
        generation.incrementAndGet();
        String[] parts = message.split("\t", -1);
        if (parts.length == 2 && parts[0].equals(EXACT)) {
            entries.invalidate(parts[1]);
        } else if (parts.length == 3 && parts[0].equals(TYPE)) {
            String prefix = parts[1];
            String pair = parts[2];
            Predicate<String> doomed = key -> key.startsWith(prefix) && (pair.isEmpty()
                    || Arrays.asList(key.substring(prefix.length()).split("&")).contains(pair));
            entries.asMap().keySet().removeIf(doomed);
        } else {
            // ALL, or an unknown message: drop everything rather than keep something stale
            entries.invalidateAll();
        }
    }

    boolean listening() {
        return listening;
    }

    /** Subscribes now (at start), so the first pages can already use the near cache. */
    void listen() {
        subscribeSoon();
    }

    private void subscribeSoon() {
        long now = System.nanoTime();
        if (now - lastAttemptNanos < RESUBSCRIBE_EVERY_NANOS || !subscribing.compareAndSet(false, true)) {
            return;
        }
        lastAttemptNanos = now;
        pubsub.subscribe(channel, this::received, this::deaf, failure -> deaf())
                .subscribe().with(subscriber -> {
                    // what was held while deaf may be stale
                    entries.invalidateAll();
                    listening = true;
                    subscribing.set(false);
                }, failure -> {
                    LOG.warnf("fragment near cache off, cannot subscribe to %s: %s", channel, failure.toString());
                    subscribing.set(false);
                });
    }

    private void deaf() {
        listening = false;
        entries.invalidateAll();
    }
}
