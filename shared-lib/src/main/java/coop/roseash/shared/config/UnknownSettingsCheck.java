package coop.roseash.shared.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.config.EnvConfigSource;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Refuses to start when the configuration holds a {@code roseash.*} key nothing reads (a typo in
 * app-config.yaml, an overlay or a service's properties would otherwise silently fall back to a default).
 * Environment variables are not checked: their names cannot be mapped back to one key (the stack's secrets
 * arrive that way, checked by the code that reads them).
 */
@ApplicationScoped
public class UnknownSettingsCheck {

    void onStart(@Observes StartupEvent start, Config config) {
        List<String> names = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            // an environment variable's name is not a key: ROSEASH_REQUIRE_BROWSER may be a test switch, and
            // ROSEASH_INTERNAL_HMAC_SECRET cannot be told apart from roseash.internal.hmac.secret
            if (!(source instanceof EnvConfigSource) && !source.getName().contains("EnvConfigSource")) {
                names.addAll(source.getPropertyNames());
            }
        }
        List<String> unknown = KnownSettings.unknown(names);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("unknown configuration key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (a typo? the keys the platform reads are listed in "
                    + KnownSettings.class.getName() + ")");
        }
    }
}
