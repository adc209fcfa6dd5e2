package coop.roseash.shared.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start when the configuration holds a {@code roseash.*} key nothing reads (a typo in
 * app-config.yaml, an overlay or a service's properties would otherwise silently fall back to a default).
 * Environment variables are not checked: their names cannot be mapped back to one key.
 */
@ApplicationScoped
public class UnknownSettingsCheck {

    void onStart(@Observes StartupEvent start, Config config) {
        List<String> unknown = KnownSettings.unknown(
                StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("unknown configuration key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (a typo? the keys the platform reads are listed in "
                    + KnownSettings.class.getName() + ")");
        }
    }
}
