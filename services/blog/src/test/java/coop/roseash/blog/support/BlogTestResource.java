package coop.roseash.blog.support;

import coop.roseash.devinfra.PlatformTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * Real PostgreSQL and Redis (dev-infra) plus the blog's test secrets, generated per run, and the site header on:
 * an internal HMAC secret and this test application as the blog fragment provider, so pages show the real
 * {@code nav-tree} (cached in Redis, dropped by menu changes); federation and cart point at a closed port, so their
 * header fragments are empty at once. One resource for every blog test: one Quarkus start.
 */
public class BlogTestResource extends PlatformTestResource {

    public static final String CREDENTIALS_KEY = java.util.Base64.getEncoder().encodeToString(random(32));

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("roseash.blog.credentials-key", CREDENTIALS_KEY);
        // a fixed free port, so the fragment client can be pointed at this application before it starts
        String port = Integer.toString(coop.roseash.devinfra.PortProbe.freePort());
        config.put("roseash.internal.hmac-secret", "browser-test-internal-secret-0123456789");
        config.put("quarkus.http.test-port", port);
        config.put("roseash.services.blog.internal-url", "http://127.0.0.1:" + port);
        config.put("roseash.services.federation.internal-url", "http://127.0.0.1:9");
        config.put("roseash.services.cart.internal-url", "http://127.0.0.1:9");
        return config;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
