package coop.roseash.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.fragments.FragmentTestProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Logout marks in Redis: found again by the session id, but stored under no key that names it. */
@QuarkusTest
@TestProfile(FragmentTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class LoggedOutSessionsTest {
    @Inject
    LoggedOutSessions loggedOut;
    @Inject
    RedisDataSource redis;

    @Test
    void aMarkedSessionHasEndedButItsIdIsNoRedisKey() {
        String sid = "sid-" + UUID.randomUUID();
        loggedOut.markSession(sid).await().indefinitely();

        assertThat(loggedOut.ended(sid, null, 0).await().indefinitely()).isTrue();
        assertThat(loggedOut.ended("sid-" + UUID.randomUUID(), null, 0).await().indefinitely()).isFalse();
        List<String> keys = redis.key().keys("auth:*");
        assertThat(keys).contains(loggedOut.sessionKey(sid));
        assertThat(keys).noneMatch(key -> key.contains(sid));
        assertThat(loggedOut.sessionKey(sid)).endsWith(LoggedOutSessions.sha256(sid)).doesNotContain(sid);
    }

    @Test
    void aMarkWrittenBeforeIdsWereHashedStillEndsItsSession() {
        String sid = "sid-" + UUID.randomUUID();
        String legacyKey = loggedOut.sessionKey(sid).replaceFirst("sid-sha256:.*$", "sid:" + sid);
        redis.value(String.class).setex(legacyKey, 60, "1");

        assertThat(loggedOut.ended(sid, null, 0).await().indefinitely()).isTrue();
    }
}
