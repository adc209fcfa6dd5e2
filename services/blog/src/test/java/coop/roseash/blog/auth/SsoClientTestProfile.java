package coop.roseash.blog.auth;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * blog as an OIDC client without a running federation: a fixed test port so the stand-in
 * federation JWKS ({@link StandInFederation}) is served by the application under test itself.
 */
public class SsoClientTestProfile implements QuarkusTestProfile {
    static final int PORT = 18191;
    static final String DEVICE_SECRET = "device-secret-for-tests";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // shared-lib turns single sign-on off in tests; this one is about it
                "%test.quarkus.oidc.tenant-enabled", "true",
                "quarkus.http.test-port", Integer.toString(PORT),
                "quarkus.oidc.jwks-path", "http://127.0.0.1:" + PORT + StandInFederation.JWKS_PATH,
                "quarkus.oidc.token-path", "http://127.0.0.1:" + PORT + StandInFederation.TOKEN_PATH,
                "roseash.device-id-secret", DEVICE_SECRET,
                "ROSEASH_OAUTH_CLIENT_BLOG_SECRET", "blog-secret-for-tests",
                "smallrye.config.mapping.validate-unknown", "false",
                "quarkus.flyway.out-of-order", "true");
    }
}
