package coop.roseash.federation.oidc;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.MagicLinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static coop.roseash.federation.oidc.OidcClientDriver.exchange;
import static coop.roseash.federation.oidc.OidcClientDriver.refresh;
import static coop.roseash.federation.oidc.OidcClientDriver.verifier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One authorization code, or one refresh token, presented twice at the same moment (two threads released together,
 * over HTTP, against the real PostgreSQL) gives exactly one token set; the other request gets invalid_grant.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class SimultaneousRedemptionTest {
    private static final int ROUNDS = 6;

    @Inject
    MagicLinks links;

    OidcClientDriver driver;
    String session;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        driver = new OidcClientDriver(links);
        session = driver.signIn("race." + System.nanoTime() + "@example.org");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void aCodeRedeemedTwiceAtOnceGivesOneTokenSet() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String verifier = verifier();
            String code = driver.blogCode(session, verifier);
            assertExactlyOneWins(twice(() -> exchange(code, verifier)), "round " + round);
        }
    }

    @Test
    void aRefreshTokenUsedTwiceAtOnceGivesOneTokenSet() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String verifier = verifier();
            Response tokens = exchange(driver.blogCode(session, verifier), verifier);
            String refreshToken = tokens.jsonPath().getString("refresh_token");
            assertExactlyOneWins(twice(() -> refresh(refreshToken)), "round " + round);
        }
    }

    /** Runs {@code request} on two threads released by one barrier. */
    private List<Response> twice(Callable<Response> request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return request.call();
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static void assertExactlyOneWins(List<Response> answers, String round) {
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).as(round + ": " + answers.stream().map(Response::asString).toList()).containsExactlyInAnyOrder(200, 400);
        Response winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        Response loser = answers.stream().filter(r -> r.statusCode() == 400).findFirst().orElseThrow();
        assertThat(winner.jsonPath().getString("access_token")).as(round).isNotBlank();
        assertThat(loser.jsonPath().getString("error")).as(round).isEqualTo("invalid_grant");
        assertThat(loser.jsonPath().getString("access_token")).as(round).isNull();
    }
}
