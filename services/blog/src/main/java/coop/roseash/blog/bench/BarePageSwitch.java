package coop.roseash.blog.bench;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether {@link BarePageResource} is served: {@code roseash.blog.bench.bare-page}, off unless the benchmark turns it on. */
@ApplicationScoped
public class BarePageSwitch {

    private final boolean enabled;

    BarePageSwitch(@ConfigProperty(name = "roseash.blog.bench.bare-page", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
