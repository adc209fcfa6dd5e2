package coop.roseash.shared.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed view of the platform configuration under {@code roseash.*} (app-config.yaml, overlay, environment).
 * Fragment timeouts and TTLs are mapped by {@code coop.roseash.shared.fragments.FragmentsConfig}.
 */
@ConfigMapping(prefix = "roseash")
public interface RoseAshConfig {

    /** The public domain: {@code localhost} locally. */
    String domain();

    /** This process: {@code roseash.service.name} is set in each service's application.properties. */
    ThisService service();

    /** Every service by name (blog, market, cart, events, federation, account). */
    Map<String, ServiceEndpoint> services();

    /** Admins by email. */
    List<String> admins();

    Features features();

    Mail mail();

    /** The running service's name. */
    interface ThisService {
        // a library test has no service of its own
        @WithDefault("shared")
        String name();
    }

    /** Where a service is reached: by browsers (public) and by other services (internal). */
    interface ServiceEndpoint {
        @WithName("public-url")
        String publicUrl();

        @WithName("internal-url")
        String internalUrl();

        int port();
    }

    /** Platform-wide feature defaults; a page's own settings refine them. */
    interface Features {
        @WithDefault("true")
        boolean calendar();

        @WithDefault("true")
        boolean market();

        @WithDefault("true")
        boolean tickets();
    }

    /** Outgoing mail. */
    interface Mail {
        String from();

        /** Development sink folder; absent in production, where SMTP is used. */
        @WithName("sink-dir")
        Optional<String> sinkDir();
    }
}
