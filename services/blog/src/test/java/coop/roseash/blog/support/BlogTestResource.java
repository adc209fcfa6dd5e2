package coop.roseash.blog.support;

import coop.roseash.devinfra.PlatformTestResource;

import java.util.HashMap;
import java.util.Map;

/** Real PostgreSQL and Redis (dev-infra) plus the blog's test secrets, generated per run. */
public class BlogTestResource extends PlatformTestResource {

    public static final String CREDENTIALS_KEY = java.util.Base64.getEncoder().encodeToString(random(32));

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("roseash.blog.credentials-key", CREDENTIALS_KEY);
        return config;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
