package coop.roseash.shared.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Base URLs of the platform's services: public (for browsers) and internal (service to service). */
@ApplicationScoped
public class ServiceUrls {

    private final RoseAshConfig config;

    ServiceUrls(RoseAshConfig config) {
        this.config = config;
    }

    /** The name of the service this process runs. */
    public String self() {
        return config.service().name();
    }

    public Set<String> services() {
        return config.services().keySet();
    }

    /** Public base URL of a service, without trailing slash. */
    public String publicUrl(String service) {
        return trim(endpoint(service).publicUrl());
    }

    /** Internal base URL of a service, without trailing slash. */
    public String internalUrl(String service) {
        return trim(endpoint(service).internalUrl());
    }

    private RoseAshConfig.ServiceEndpoint endpoint(String service) {
        RoseAshConfig.ServiceEndpoint endpoint = config.services().get(service);
        if (endpoint == null) {
            throw new IllegalArgumentException("Unknown service: " + service + " (known: " + services() + ")");
        }
        return endpoint;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
