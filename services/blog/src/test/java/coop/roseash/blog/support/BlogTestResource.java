package coop.roseash.blog.support;

import coop.roseash.devinfra.PlatformTestResource;

import java.util.HashMap;
import java.util.Map;

/** Real PostgreSQL and Redis (dev-infra) plus the blog's test secrets, generated per run. */
public class BlogTestResource extends PlatformTestResource {

    public static final String CREDENTIALS_KEY = java.util.Base64.getEncoder().encodeToString(random(32));
    public static final String GHOST_WEBHOOK_SECRET = "ghost-webhook-test-secret";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("roseash.blog.credentials-key", CREDENTIALS_KEY);
        // app-config.yaml carries keys for other services that the typed mapping does not list
        config.put("smallrye.config.mapping.validate-unknown", "false");
        return config;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
