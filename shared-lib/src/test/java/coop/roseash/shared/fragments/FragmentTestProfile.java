package coop.roseash.shared.fragments;

import coop.roseash.devinfra.PortProbe;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test application wired as one service among others, for the fragment and single sign-on tests (one profile
 * for both: each profile is another Quarkus start). Fragments: a secret, a short timeout and TTLs; "self" is this
 * test application, "dead" answers nowhere. Sign-on: this application is an OIDC client (as blog, whose client id
 * the stand-in's tokens carry) of a stand-in federation it serves itself ({@code auth.StandInFederation}).
 */
public class FragmentTestProfile implements QuarkusTestProfile {

    public static final String SECRET = "fragment-test-secret-0123456789abcdef";
    public static final int TIMEOUT_MS = 500;
    public static final String DEVICE_SECRET = "device-secret-for-tests";
    // a fixed free port, so the client can be pointed at this application before it starts
    public static final int PORT_NUMBER = PortProbe.freePort();
    private static final String PORT = Integer.toString(PORT_NUMBER);
    private static final String JWKS_PATH = "/test-federation/jwks";
    private static final String TOKEN_PATH = "/test-federation/token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("roseash.internal.hmac-secret", SECRET),
                Map.entry("roseash.fragments.timeout-ms", Integer.toString(TIMEOUT_MS)),
                Map.entry("roseash.fragments.max-clock-skew-seconds", "60"),
                Map.entry("roseash.fragments.ttl-seconds.counted", "2"),
                Map.entry("roseash.fragments.ttl-seconds.echo", "60"),
                // opens only when 4 calls in a row fail, so the other tests' single timeouts never trip it
                Map.entry("roseash.fragments.circuit-breaker.request-volume", "4"),
                Map.entry("roseash.fragments.circuit-breaker.failure-ratio", "1.0"),
                Map.entry("roseash.fragments.circuit-breaker.delay-ms", "60000"),
                Map.entry("quarkus.http.test-port", PORT),
                // this application's own entry: internal requests signed for any name at its address are for it
                Map.entry("roseash.services.shared-test.internal-url", "http://127.0.0.1:" + PORT),
                Map.entry("roseash.services.shared-test.public-url", "http://shared-test.localhost:" + PORT),
                Map.entry("roseash.services.shared-test.port", PORT),
                Map.entry("roseash.services.self.internal-url", "http://127.0.0.1:" + PORT),
                Map.entry("roseash.services.self.public-url", "http://self.localhost:" + PORT),
                Map.entry("roseash.services.self.port", PORT),
                // the site header's three providers are played by this application too (HeaderEcho)
                Map.entry("roseash.services.blog.internal-url", "http://127.0.0.1:" + PORT),
                Map.entry("roseash.services.federation.internal-url", "http://127.0.0.1:" + PORT),
                Map.entry("roseash.services.cart.internal-url", "http://127.0.0.1:" + PORT),
                // "hung" is this application too, under another name, so its circuit breaker is its own
                Map.entry("roseash.services.hung.internal-url", "http://127.0.0.1:" + PORT),
                Map.entry("roseash.services.hung.public-url", "http://hung.localhost:" + PORT),
                Map.entry("roseash.services.hung.port", PORT),
                // nothing listens on port 9 (discard) here: connection refused at once
                Map.entry("roseash.services.dead.internal-url", "http://127.0.0.1:9"),
                Map.entry("roseash.services.dead.public-url", "http://dead.localhost:9"),
                Map.entry("roseash.services.dead.port", "9"),
                // single sign-on: shared-lib turns it off in tests; these are about it
                Map.entry("%test.quarkus.oidc.tenant-enabled", "true"),
                Map.entry("roseash.sso.client", "true"),
                Map.entry("quarkus.oidc.client-id", "blog"),
                Map.entry("quarkus.oidc.credentials.secret", "blog-secret-for-tests"),
                Map.entry("quarkus.oidc.jwks-path", "http://127.0.0.1:" + PORT + JWKS_PATH),
                Map.entry("quarkus.oidc.token-path", "http://127.0.0.1:" + PORT + TOKEN_PATH),
                Map.entry("roseash.device-id-secret", DEVICE_SECRET));
    }
}
