package coop.roseash.blog.post;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Public listings and search results, kept in memory until anything they show changes.
 *
 * <p>Every committed write to posts, tags, post tags or authors bumps {@code blog_read_generation} (a database
 * trigger, migration V20), whoever made it: this service, an import, another instance or plain SQL. A read looks
 * the generation up first (one primary-key read) and only uses results stored under that generation, so the next
 * request after a write always sees it. Must be called inside a transaction.
 */
@ApplicationScoped
public class BlogReadCache {

    private final int maxEntries;
    private final Map<String, Object> entries;
    private long generation = -1;

    /** {@code maxEntries}: listing and search pages kept, least recently used out first; 0 turns caching off. */
    BlogReadCache(@ConfigProperty(name = "roseash.blog.read-cache.max-entries", defaultValue = "512") int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The value stored for {@code key} under the current generation, else {@code load}'s, stored. Values must be
     * immutable: every request shares them.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        if (maxEntries <= 0) {
            return load.get();   // off: the benchmark measures the uncached cost this way
        }
        // the generation is read before the data: a write committed in between is picked up by the next request
        long current = currentGeneration();
        String fullKey = current + "|" + key;
        synchronized (this) {
            if (current != generation) {  // != : a restored database may count from lower
                entries.clear();
                generation = current;
            }
            Object hit = entries.get(fullKey);
            if (hit != null) {
                return (T) hit;
            }
        }
        T value = load.get();
        synchronized (this) {
            // a load that overlapped a newer generation is keyed under its own, older one and never read again
            if (current == generation) {
                entries.put(fullKey, value);
            }
        }
        return value;
    }

    /** The generation now committed. */
    public long currentGeneration() {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT generation FROM blog_read_generation").getSingleResult()).longValue();
    }
}
