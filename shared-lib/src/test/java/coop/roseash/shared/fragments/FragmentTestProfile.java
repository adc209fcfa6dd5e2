package coop.roseash.shared.fragments;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A secret, a short timeout and TTLs for the fragment tests; "self" is this test application, "dead" answers nowhere. */
public class FragmentTestProfile implements QuarkusTestProfile {

    static final String SECRET = "fragment-test-secret-0123456789abcdef";
    static final int TIMEOUT_MS = 500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // build-time: real servers from PlatformTestResource, never Dev Services
                "quarkus.devservices.enabled", "false",
                "quarkus.datasource.db-kind", "postgresql",
                "roseash.internal.hmac-secret", SECRET,
                "roseash.fragments.timeout-ms", Integer.toString(TIMEOUT_MS),
                "roseash.fragments.max-clock-skew-seconds", "60",
                "roseash.fragments.ttl-seconds.counted", "2",
                "roseash.fragments.ttl-seconds.echo", "60",
                "roseash.services.self.internal-url", "http://127.0.0.1:${quarkus.http.test-port:8081}",
                // nothing listens on port 9 (discard) here: connection refused at once
                "roseash.services.dead.internal-url", "http://127.0.0.1:9");
    }
}
