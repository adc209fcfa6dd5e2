package coop.roseash.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many replicas each service runs ({@code --replicas blog=2,cart=2}; one for a service not named) and where:
 * replica {@code n} of a service listens on its configured port plus {@code (n - 1) * 100} (blog on 8001, 8101),
 * and is named {@code blog-1}, {@code blog-2}, ... ({@code ROSEASH_INSTANCE}, answered in {@code X-Roseash-Instance}).
 */
public record Replicas(Map<String, Integer> counts) {

    /** Replica n of a service is on its port + (n - 1) * PORT_STEP. */
    public static final int PORT_STEP = 100;
    /** More than this on one machine is a mistake, not a test. */
    static final int MAX = 9;

    /** One running copy of a service. */
    public record Replica(String service, int number, int port) {
        public String instance() {
            return service + "-" + number;
        }
    }

    public Replicas {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts)); // in the order given
    }

    /** One replica of each service. */
    public static Replicas none() {
        return new Replicas(Map.of());
    }

    /** {@code blog=2,cart=2}: service names from {@link PlatformConfig#SERVICE_NAMES}, counts 1 to 9. */
    public static Replicas parse(String spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] pair = part.strip().split("=", -1);
            String service = pair[0].strip().toLowerCase(Locale.ROOT);
            if (pair.length != 2 || !PlatformConfig.SERVICE_NAMES.contains(service)) {
                throw new IllegalArgumentException("--replicas takes SERVICE=N,... with SERVICE one of "
                        + String.join(", ", PlatformConfig.SERVICE_NAMES) + "; not '" + part.strip() + "'");
            }
            int count;
            try {
                count = Integer.parseInt(pair[1].strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("--replicas: " + service + " needs a count from 1 to " + MAX
                        + ", not '" + pair[1].strip() + "'");
            }
            counts.put(service, count);
        }
        return new Replicas(counts);
    }

    public int of(String service) {
        return counts.getOrDefault(service, 1);
    }

    /** Whether any service runs more than once (then a reverse proxy is needed in front). */
    public boolean any() {
        return counts.values().stream().anyMatch(count -> count > 1);
    }

    /** The replicas of the service at {@code address}, the first on its own port. */
    public List<Replica> of(PlatformConfig.ServiceAddress address) {
        List<Replica> replicas = new ArrayList<>();
        for (int n = 1; n <= of(address.name()); n++) {
            replicas.add(new Replica(address.name(), n, address.port() + (n - 1) * PORT_STEP));
        }
        return replicas;
    }

    /**
     * The addresses the services must use when every public request goes through the proxy on {@code proxyPort}:
     * public URLs {@code http://NAME.localhost:PROXYPORT} (so OAuth redirects and links go through it), internal URLs
     * unchanged (service-to-service calls go straight to the first replica; /internal is refused through a proxy).
     */
    public static Map<String, PlatformConfig.ServiceAddress> behindProxy(Map<String, PlatformConfig.ServiceAddress> addresses,
                                                                         int proxyPort) {
        Map<String, PlatformConfig.ServiceAddress> routed = new LinkedHashMap<>();
        addresses.forEach((name, address) -> routed.put(name, new PlatformConfig.ServiceAddress(name, address.port(),
                "http://" + name + ".localhost:" + proxyPort, address.internalUrl())));
        return routed;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        counts.forEach((service, count) -> text.append(text.isEmpty() ? "" : ",").append(service).append('=').append(count));
        return text.toString();
    }
}
