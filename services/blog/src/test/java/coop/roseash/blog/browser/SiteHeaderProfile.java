package coop.roseash.blog.browser;

import coop.roseash.devinfra.PortProbe;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Turns the site header on for browser tests: an internal HMAC secret and this test application as the blog
 * fragment provider, so pages show the real {@code nav-tree} (cached in Redis, dropped by menu changes).
 * federation and cart point at a closed port, so their header fragments are empty at once. The fragment timeout is
 * generous: these tests check what the header shows, and on a loaded CI machine blog answering its own nav-tree
 * fetch took longer than the production 800 ms once (the header then rendered empty, as designed, and the menu
 * assertion failed). The timeout itself is tested in shared-lib's fragment tests.
 */
public class SiteHeaderProfile implements QuarkusTestProfile {

    // a fixed free port, so the fragment client can be pointed at this application before it starts
    private static final String PORT = Integer.toString(PortProbe.freePort());

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "roseash.internal.hmac-secret", "browser-test-internal-secret-0123456789",
                "quarkus.http.test-port", PORT,
                "roseash.services.blog.internal-url", "http://127.0.0.1:" + PORT,
                "roseash.services.federation.internal-url", "http://127.0.0.1:9",
                "roseash.services.cart.internal-url", "http://127.0.0.1:9",
                "roseash.fragments.timeout-ms", "5000");
    }
}
