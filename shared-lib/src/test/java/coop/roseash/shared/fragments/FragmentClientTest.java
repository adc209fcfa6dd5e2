package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer side against this same application as provider ("self"), with the real Redis. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(FragmentTestProfile.class)
class FragmentClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    FragmentClient client;

    @Inject
    FragmentCache cache;

    @Inject
    RedisDataSource redis;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    FragmentsConfig config;

    @BeforeEach
    void emptyCache() {
        cache.invalidateAll("self", "counted");
        cache.invalidateAll("self", "echo");
        TestFragments.Counted.RENDERS.clear();
    }

    private String fetch(String provider, String type, FragmentParams params) {
        String html = client.fetch(provider, type, params).await().atMost(WAIT);
        if (!html.isEmpty()) {
            awaitCached(new FragmentKey(provider, type, params));
        }
        return html;
    }

    /** The client stores what it fetched without making the page wait; tests about the cache wait for the write. */
    private void awaitCached(FragmentKey key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!redis.key().exists(key.cacheKey()) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    @Test
    void fetchesASignedFragmentAndCachesItUnderProviderTypeAndSortedParams() {
        String html = fetch("self", "echo", FragmentParams.of(Map.of("variant", "full", "user_id", 5)));

        assertThat(html).isEqualTo("<p class=\"echo\">user_id=5&variant=full</p>");
        String key = "fragment:self:echo:user_id=5&variant=full";
        assertThat(redis.value(String.class).get(key)).isEqualTo(html);
        assertThat(redis.key().ttl(key)).isBetween(50L, 60L);
    }

    @Test
    void aSecondFetchIsServedFromTheCache() {
        FragmentParams params = FragmentParams.of("user_id", 1);
        assertThat(fetch("self", "counted", params)).isEqualTo("<b>render 1</b>");
        assertThat(fetch("self", "counted", params)).isEqualTo("<b>render 1</b>");
        assertThat(TestFragments.Counted.renders(params)).isEqualTo(1);
    }

    @Test
    void afterTheTtlTheFragmentIsFetchedAgain() throws InterruptedException {
        FragmentParams params = FragmentParams.of("user_id", 2);
        fetch("self", "counted", params);
        Thread.sleep(2_300); // the test profile gives "counted" a 2 s TTL
        assertThat(fetch("self", "counted", params)).isEqualTo("<b>render 2</b>");
    }

    @Test
    void invalidationDropsExactlyTheNamedVariants() {
        FragmentParams five = FragmentParams.of(Map.of("user_id", 5, "variant", "compact"));
        FragmentParams fifty = FragmentParams.of(Map.of("user_id", 50, "variant", "compact"));
        fetch("self", "counted", five);
        fetch("self", "counted", fifty);

        cache.invalidateWhere("self", "counted", "user_id", 5);

        assertThat(fetch("self", "counted", five)).isEqualTo("<b>render 2</b>");
        assertThat(fetch("self", "counted", fifty)).isEqualTo("<b>render 1</b>");

        cache.invalidate("self", "counted", Map.of("user_id", 50, "variant", "compact"));
        assertThat(fetch("self", "counted", fifty)).isEqualTo("<b>render 2</b>");
    }

    @Test
    void aSlowProviderCostsAtMostTheTimeoutAndYieldsEmpty() {
        long start = System.nanoTime();
        String html = fetch("self", "slow", FragmentParams.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(html).isEmpty();
        assertThat(millis).isBetween((long) FragmentTestProfile.TIMEOUT_MS - 50, FragmentTestProfile.TIMEOUT_MS + 400L);
    }

    @Test
    void aProviderThatKeepsTimingOutIsSkippedWhileItsCircuitIsOpen() {
        for (int i = 0; i < 4; i++) {
            assertThat(fetch("hung", "slow", FragmentParams.of("n", i))).isEmpty();
        }

        long start = System.nanoTime();
        String echo = fetch("hung", "echo", FragmentParams.of("n", "after"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        // the provider would answer this one, but the open circuit does not even ask
        assertThat(echo).isEmpty();
        assertThat(millis).isLessThan(200);
        assertThat(fetch("self", "echo", FragmentParams.of("n", "after"))).isNotEmpty();
    }

    @Test
    void aDeadProviderYieldsEmpty() {
        assertThat(fetch("dead", "nav-tree", FragmentParams.NONE)).isEmpty();
    }

    @Test
    void aFailingProviderYieldsEmptyAndIsNotCached() {
        assertThat(fetch("self", "failing", FragmentParams.NONE)).isEmpty();
        assertThat(redis.key().exists("fragment:self:failing:")).isFalse();
    }

    @Test
    void severalFragmentsAreFetchedConcurrently() {
        long start = System.nanoTime();
        Map<FragmentKey, String> bodies = client.fetchAll(List.of(
                new FragmentKey("self", "slow", FragmentParams.of("n", 1)),
                new FragmentKey("self", "slow", FragmentParams.of("n", 2)),
                new FragmentKey("self", "echo", FragmentParams.NONE))).await().atMost(WAIT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(bodies.values()).containsExactly("", "", "<p class=\"echo\"></p>");
        // two slow fragments one after the other would take two timeouts
        assertThat(millis).isLessThan(2L * FragmentTestProfile.TIMEOUT_MS);
    }

    @Test
    void theBatchFormFetchesSeveralTypesFromOneProvider() {
        Map<String, String> bodies = client.fetchBatchOfTypes("self", List.of("echo", "failing", "counted"), FragmentParams.of("user_id", 9))
                .await().atMost(WAIT);

        assertThat(bodies).containsExactly(
                Map.entry("echo", "<p class=\"echo\">user_id=9</p>"),
                Map.entry("failing", ""),
                Map.entry("counted", "<b>render 1</b>"));
        awaitCached(new FragmentKey("self", "counted", FragmentParams.of("user_id", 9)));
        assertThat(fetch("self", "counted", FragmentParams.of("user_id", 9))).isEqualTo("<b>render 1</b>");
    }

    // the near cache (NearCache): these tests change the Redis copy behind its back, which no code path does, to
    // tell which of the two answered

    private void awaitNearCacheListening() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!cache.nearCacheListening() && System.nanoTime() < deadline) {
            client.fetch("self", "echo", FragmentParams.of("n", "wake")).await().atMost(WAIT);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        assertThat(cache.nearCacheListening()).as("subscribed to the invalidation channel").isTrue();
    }

    private void setInRedis(FragmentKey key, String html, long ttlMillis) {
        redis.value(String.class).psetex(key.cacheKey(), ttlMillis, html);
    }

    @Test
    void aNearCacheHitAsksNeitherRedisNorTheProvider() {
        awaitNearCacheListening();
        FragmentParams params = FragmentParams.of("user_id", 20);
        FragmentKey key = new FragmentKey("self", "counted", params);
        assertThat(fetch("self", "counted", params)).isEqualTo("<b>render 1</b>");
        setInRedis(key, "<b>only in redis</b>", 2_000);

        assertThat(fetch("self", "counted", params)).isEqualTo("<b>render 1</b>");
        assertThat(TestFragments.Counted.renders(params)).isEqualTo(1);
    }

    @Test
    void aFragmentReadFromRedisIsKeptInTheNearCache() {
        awaitNearCacheListening();
        FragmentKey key = new FragmentKey("self", "echo", FragmentParams.of("user_id", 24));
        setInRedis(key, "<p>first</p>", 30_000);
        assertThat(fetch("self", "echo", key.params())).isEqualTo("<p>first</p>");
        setInRedis(key, "<p>second</p>", 30_000);

        assertThat(fetch("self", "echo", key.params())).isEqualTo("<p>first</p>");
    }

    @Test
    void anInvalidationOnAnotherReplicaDropsTheEntryHere() {
        awaitNearCacheListening();
        FragmentKey exact = new FragmentKey("self", "echo", FragmentParams.of("user_id", 21));
        FragmentKey member = new FragmentKey("self", "echo", FragmentParams.of(Map.of("user_id", 22, "variant", "compact")));
        FragmentKey otherMember = new FragmentKey("self", "echo", FragmentParams.of(Map.of("user_id", 23, "variant", "compact")));
        for (FragmentKey key : List.of(exact, member, otherMember)) {
            fetch("self", "echo", key.params());
        }
        // another replica: its own cache on the same Redis, sending its invalidations on the same channel
        FragmentCache otherReplica = new FragmentCache(reactiveRedis, redis, config);

        otherReplica.invalidate("self", "echo", Map.of("user_id", 21));
        otherReplica.invalidateWhere("self", "echo", "user_id", 22);
        // what the next request will find in Redis, e.g. written by a third replica after the change
        setInRedis(exact, "<p>changed 21</p>", 30_000);
        setInRedis(member, "<p>changed 22</p>", 30_000);
        setInRedis(otherMember, "<p>changed 23</p>", 30_000);

        assertThat(eventually(exact, "<p>changed 21</p>")).isEqualTo("<p>changed 21</p>");
        assertThat(eventually(member, "<p>changed 22</p>")).isEqualTo("<p>changed 22</p>");
        // not named by either invalidation: still this replica's own copy
        assertThat(fetch("self", "echo", otherMember.params())).isEqualTo("<p class=\"echo\">user_id=23&variant=compact</p>");
    }

    /** The fragment once it reads {@code expected}, or what it still reads after 3 s (pub/sub is asynchronous). */
    private String eventually(FragmentKey key, String expected) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        String html = fetch("self", "echo", key.params());
        while (!html.equals(expected) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            html = fetch("self", "echo", key.params());
        }
        return html;
    }

    @Test
    void aNearCacheEntryNeverOutlivesItsRedisCopy() throws InterruptedException {
        awaitNearCacheListening();
        // the type's TTL is 60 s, but this Redis copy has 1.5 s left when it is read
        FragmentKey key = new FragmentKey("self", "echo", FragmentParams.of("user_id", 25));
        setInRedis(key, "<p>from redis</p>", 1_500);
        assertThat(fetch("self", "echo", key.params())).isEqualTo("<p>from redis</p>");

        Thread.sleep(1_700);

        assertThat(redis.key().exists(key.cacheKey())).isFalse();
        assertThat(fetch("self", "echo", key.params())).isEqualTo("<p class=\"echo\">user_id=25</p>");
    }

    @Test
    void aFailedFragmentIsShownEmptyForASecondWithoutAskingAgain() throws InterruptedException {
        awaitNearCacheListening();
        // "hung" (this application under another name, its own circuit) has no "missing" fragment: a 404, a failure
        FragmentKey key = new FragmentKey("hung", "missing", FragmentParams.of("user_id", 26));
        assertThat(client.fetch(key).await().atMost(WAIT)).isEmpty();
        setInRedis(key, "<p>there now</p>", 30_000);

        assertThat(client.fetch(key).await().atMost(WAIT)).as("within the second: not even Redis is asked").isEmpty();
        Thread.sleep(FragmentCache.FAILURE_MEMO_NANOS / 1_000_000 + 200);
        assertThat(client.fetch(key).await().atMost(WAIT)).isEqualTo("<p>there now</p>");
    }

    @Test
    void aFailedBatchIsShownEmptyForASecondWithoutAskingAgain() {
        awaitNearCacheListening();
        FragmentKey key = new FragmentKey("dead", "missing", FragmentParams.of("user_id", 27));
        assertThat(client.fetchBatchOfTypes("dead", List.of("missing"), key.params()).await().atMost(WAIT))
                .containsExactly(Map.entry("missing", ""));
        setInRedis(key, "<p>there now</p>", 30_000);

        assertThat(client.fetchBatchOfTypes("dead", List.of("missing"), key.params()).await().atMost(WAIT))
                .containsExactly(Map.entry("missing", ""));
    }
}
