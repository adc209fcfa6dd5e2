package coop.roseash.federation.login;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A federation session is stored under the hash of its id: a copy of Redis gives no cookie value to present. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class FederationSessionsTest {
    @Inject
    FederationSessions sessions;
    @Inject
    RedisDataSource redis;

    @Test
    void theRedisKeyOfASessionIsNotItsId() {
        FederationSessions.Session session = sessions.start(42);

        assertThat(redis.key().keys("federation:session:*"))
                .contains(FederationSessions.key(session.id()))
                .noneMatch(key -> key.contains(session.id()));
        assertThat(redis.value(String.class).get(FederationSessions.key(session.id()))).startsWith("42:");

        sessions.end(session.id());
        assertThat(redis.key().exists(FederationSessions.key(session.id()))).isFalse();
    }
}
