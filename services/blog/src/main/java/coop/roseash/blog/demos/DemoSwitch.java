package coop.roseash.blog.demos;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the /sx/demos pages are served: {@code roseash.blog.demos.enabled}, off unless turned on (on in dev mode, in
 * tests and in the local launcher's run). Their state is shared by every visitor, so a public site must not have them.
 */
@ApplicationScoped
public class DemoSwitch {

    private final boolean enabled;

    DemoSwitch(@ConfigProperty(name = "roseash.blog.demos.enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
