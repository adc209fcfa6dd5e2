package coop.roseash.federation.login;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.shared.model.federation.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** First logins create one member per email, even when several arrive at the same moment. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class MembersTest {

    @Inject
    Members members;

    @Test
    void simultaneousFirstLoginsWithOneEmailMakeOneMember() throws Exception {
        String email = "Race-" + UUID.randomUUID() + "@Example.org ";
        int logins = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Future<Member>> results = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return members.signIn(email);
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Member> result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS).id());
            }
            assertThat(ids).as("every login found the same member").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> User.count("email", Members.normalise(email)));
        assertThat(rows).isEqualTo(1);
        User user = QuarkusTransaction.requiringNew().call(() -> User.<User>find("email", Members.normalise(email)).firstResult());
        assertThat(user.lastLoginAt).as("the login time is stamped").isNotNull();
    }
}
