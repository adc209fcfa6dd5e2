package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.shared.web.FakeRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which /internal/ requests get through, without Quarkus: the pre-matching filter called directly. */
class InternalRequestGuardTest {

    private static final String SECRET = "guard-secret";
    private static final long SKEW = 60;

    private static final String SELF = "cart";
    private final InternalRequestGuard guard = new InternalRequestGuard(() -> Optional.of(SECRET), config(SKEW), Set.of(SELF));
    private final InternalSignature signature = new InternalSignature(SECRET);

    /** A fragment request for {@code path}, signed at {@code timestamp} (epoch seconds). */
    private FakeRequest signed(String path, long timestamp, Map<String, List<String>> query) {
        FakeRequest request = FakeRequest.get(path)
                .header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(InternalSignature.SIGNATURE_HEADER, signature.sign(SELF, "GET", path, query, timestamp));
        query.forEach((name, values) -> request.query(name, values.toArray(String[]::new)));
        return request;
    }

    private FakeRequest signed(String path) { return signed(path, now(), Map.of()); }

    private static long now() { return Instant.now().getEpochSecond(); }

    @Test
    void aSignedFragmentRequestGetsThrough() {
        assertThat(guard.guard(signed("/internal/fragments/cart-mini").context())).isNull();
        assertThat(guard.guard(signed("/internal").context())).isNull();
        assertThat(guard.guard(signed("/internal/fragments", now(),
                Map.of("type", List.of("nav-tree", "auth-menu"), "user_id", List.of("7"))).context())).isNull();
    }

    @Test
    void pathsOutsideInternalAreNotGuarded() {
        assertThat(guard.guard(FakeRequest.get("/").context())).isNull();
        assertThat(guard.guard(FakeRequest.get("/internals").context())).isNull();
        assertThat(guard.guard(FakeRequest.get("/internal-docs/x").context())).isNull();
        assertThat(guard.guard(FakeRequest.get("/blog/internal/x").context())).isNull();
    }

    @Test
    void unsignedInternalRequestsAreRefused() {
        assertRefused(FakeRequest.get("/internal").context(), "must carry X-Fragment-Request: 1");
        assertRefused(FakeRequest.get("/internal/fragments/cart-mini").context(), "must carry X-Fragment-Request: 1");
        assertRefused(FakeRequest.get("/internal/no-such-thing").context(), "must carry X-Fragment-Request: 1");
    }

    @Test
    void theFragmentHeaderMustBeExactlyOne() {
        assertRefused(signed("/internal/fragments/x").header(InternalSignature.FRAGMENT_REQUEST_HEADER, "true").context(),
                "must carry X-Fragment-Request: 1");
    }

    @Test
    void withoutASecretEveryInternalRequestIsRefused() {
        InternalRequestGuard unset = new InternalRequestGuard(Optional::empty, config(SKEW), Set.of(SELF));
        InternalRequestGuard blank = new InternalRequestGuard(() -> Optional.of("  "), config(SKEW), Set.of(SELF));

        assertRefused(unset.guard(signed("/internal/fragments/x").context()), "internal requests are disabled");
        assertRefused(blank.guard(signed("/internal/fragments/x").context()), "internal requests are disabled");
    }

    @Test
    void aMissingOrMalformedTimestampIsRefused() {
        FakeRequest noTimestamp = FakeRequest.get("/internal/x").header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1");
        assertRefused(noTimestamp.context(), "missing or malformed X-Internal-Timestamp");
        assertRefused(signed("/internal/x").header(InternalSignature.TIMESTAMP_HEADER, "soon").context(),
                "missing or malformed X-Internal-Timestamp");
    }

    @Test
    void whitespaceAroundTheTimestampIsTolerated() {
        long ts = now();
        FakeRequest request = signed("/internal/x", ts, Map.of()).header(InternalSignature.TIMESTAMP_HEADER, " " + ts + " ");

        assertThat(guard.guard(request.context())).isNull();
    }

    @Test
    void timestampsOutsideTheAllowedSkewAreRefusedEitherWay() {
        Response past = guard.guard(signed("/internal/x", now() - SKEW - 1, Map.of()).context());
        Response future = guard.guard(signed("/internal/x", now() + SKEW + 30, Map.of()).context());

        assertRefused(past, "away from this server's clock (at most 60 s allowed)");
        assertRefused(future, "away from this server's clock (at most 60 s allowed)");
        assertThat(body(past)).matches("(?s)Forbidden: timestamp is 6[1-9] s away.*");
    }

    @Test
    void aTimestampExactlyAtTheAllowedSkewIsAccepted() {
        // signed SKEW seconds ahead: by the time the guard reads its clock the skew is SKEW, or less if a second ticked
        assertThat(guard.guard(signed("/internal/x", now() + SKEW, Map.of()).context())).isNull();
    }

    @Test
    void aTimestampWithinTheSkewIsAccepted() {
        assertThat(guard.guard(signed("/internal/x", now() - SKEW / 2, Map.of()).context())).isNull();
        assertThat(guard.guard(signed("/internal/x", now() + SKEW / 2, Map.of()).context())).isNull();
    }

    @Test
    void aMissingSignatureIsRefused() {
        FakeRequest request = FakeRequest.get("/internal/x").header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(now()));

        assertRefused(request.context(), "missing X-Internal-Signature");
    }

    @Test
    void aSignatureForAnythingElseIsRefused() {
        long ts = now();
        String forOtherPath = signature.sign(SELF, "GET", "/internal/other", Map.of(), ts);

        assertRefused(signed("/internal/x", ts, Map.of()).header(InternalSignature.SIGNATURE_HEADER, forOtherPath).context(),
                "invalid X-Internal-Signature");
        assertRefused(signed("/internal/x", ts, Map.of()).method("POST").context(), "invalid X-Internal-Signature");
        assertRefused(signed("/internal/x", ts, Map.of()).query("user_id", "8").context(), "invalid X-Internal-Signature");
        assertRefused(new InternalRequestGuard(() -> Optional.of("other-secret"), config(SKEW), Set.of(SELF))
                .guard(signed("/internal/x", ts, Map.of()).context()), "invalid X-Internal-Signature");
    }

    @Test
    void aRequestSignedForAnotherServiceIsRefused() {
        long ts = now();
        String forBlog = signature.sign("blog", "GET", "/internal/fragments/nav-tree", Map.of(), ts);
        FakeRequest replayed = signed("/internal/fragments/nav-tree", ts, Map.of())
                .header(InternalSignature.SIGNATURE_HEADER, forBlog);
        InternalRequestGuard blog = new InternalRequestGuard(() -> Optional.of(SECRET), config(SKEW), Set.of("blog"));

        assertThat(blog.guard(replayed.context())).as("blog takes what was signed for it").isNull();
        assertRefused(replayed.context(), "invalid X-Internal-Signature");
    }

    @Test
    void aServerAnswersToItsNameAndToNamesConfiguredAtItsOwnInternalUrl() {
        Map<String, String> urls = Map.of("blog", "http://blog:8080", "cart", "http://cart:8080/",
                "alias", "http://cart:8080", "market", "http://market:8080");

        assertThat(InternalRequestGuard.namesOfThisServer("cart", urls)).containsExactlyInAnyOrder("cart", "alias");
        assertThat(InternalRequestGuard.namesOfThisServer("blog", urls)).containsExactly("blog");
        assertThat(InternalRequestGuard.namesOfThisServer("unlisted", urls)).containsExactly("unlisted");
    }

    @Test
    void aSignatureOfAnotherTimestampIsRefused() {
        long ts = now();
        FakeRequest request = signed("/internal/x", ts, Map.of())
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(ts - 1));

        assertRefused(request.context(), "invalid X-Internal-Signature");
    }

    private void assertRefused(jakarta.ws.rs.container.ContainerRequestContext request, String reason) {
        assertRefused(guard.guard(request), reason);
    }

    private static void assertRefused(Response response, String reason) {
        assertThat(response).as("refused").isNotNull();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getMediaType()).isEqualTo(MediaType.TEXT_PLAIN_TYPE);
        assertThat(body(response)).startsWith("Forbidden: ").contains(reason).endsWith("\n");
    }

    private static String body(Response response) { return (String) response.getEntity(); }

    /** Only the clock skew is read by the guard. */
    static FragmentsConfig config(long maxClockSkewSeconds) {
        return new FragmentsConfig() {
            @Override
            public int timeoutMs() { return 800; }

            @Override
            public long maxClockSkewSeconds() { return maxClockSkewSeconds; }

            @Override
            public Map<String, Integer> ttlSeconds() { return Map.of(); }

            @Override
            public int defaultTtlSeconds() { return 30; }

            @Override
            public CircuitBreaker circuitBreaker() { throw new UnsupportedOperationException(); }

            @Override
            public NearCache nearCache() { throw new UnsupportedOperationException(); }
        };
    }
}
