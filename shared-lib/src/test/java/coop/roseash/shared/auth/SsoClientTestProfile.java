package coop.roseash.shared.auth;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The test application as an OIDC client (as blog, whose client id the stand-in's tokens carry) without a running
 * federation: a fixed test port so the stand-in federation's JWKS and token endpoint ({@link StandInFederation})
 * are served by the application under test itself.
 */
public class SsoClientTestProfile implements QuarkusTestProfile {
    // a free port, fixed before the application starts (so the stand-in can be configured as its own provider);
    // one per test JVM, so parallel test JVMs never share it
    static final int PORT = coop.roseash.devinfra.PortProbe.freePort();
    static final String DEVICE_SECRET = "device-secret-for-tests";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // shared-lib turns single sign-on off in tests; this one is about it
                "%test.quarkus.oidc.tenant-enabled", "true",
                "roseash.sso.client", "true",
                "quarkus.oidc.client-id", "blog",
                "quarkus.oidc.credentials.secret", "blog-secret-for-tests",
                "quarkus.http.test-port", Integer.toString(PORT),
                "quarkus.oidc.jwks-path", "http://127.0.0.1:" + PORT + StandInFederation.JWKS_PATH,
                "quarkus.oidc.token-path", "http://127.0.0.1:" + PORT + StandInFederation.TOKEN_PATH,
                "roseash.device-id-secret", DEVICE_SECRET);
    }
}
