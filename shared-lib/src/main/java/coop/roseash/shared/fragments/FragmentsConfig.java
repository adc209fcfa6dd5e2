package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Fragment settings from {@code roseash.fragments.*} (config/app-config.yaml). */
@ConfigMapping(prefix = "roseash.fragments")
public interface FragmentsConfig {

    /** Longest a consumer waits for one fragment (cache look-up plus HTTP) before showing it empty. */
    @WithDefault("800")
    int timeoutMs();

    /** How far a signed request's timestamp may be from the receiver's clock, either way. */
    @WithDefault("60")
    long maxClockSkewSeconds();

    /** Overrides of the catalogue's TTL per fragment type (tests, operations); {@code account-page/x} uses {@code account-page}. */
    Map<String, Integer> ttlSeconds();

    /** TTL for a type the catalogue does not list (only test fragments). */
    @WithDefault("30")
    int defaultTtlSeconds();

    /** Per provider: stop calling a provider that keeps failing, so pages stop paying its timeout. */
    CircuitBreaker circuitBreaker();

    /** The in-process cache in front of Redis ({@code NearCache}). */
    NearCache nearCache();

    interface NearCache {
        /** Off: every fragment read goes to Redis (the benchmark's "before"). */
        @WithDefault("true")
        boolean enabled();

        /** Most fragments held per process; the least used go first. */
        @WithDefault("10000")
        long maxEntries();
    }

    /** Opens when {@code failure-ratio} of the last {@code request-volume} calls failed; half-opens after {@code delay-ms}. */
    interface CircuitBreaker {
        @WithDefault("8")
        int requestVolume();

        @WithDefault("0.75")
        double failureRatio();

        @WithDefault("5000")
        long delayMs();
    }

    default int ttlFor(String type) {
        int slash = type.indexOf('/');
        String family = slash < 0 ? type : type.substring(0, slash);
        Integer override = ttlSeconds().get(family);
        if (override != null) {
            return override;
        }
        return FragmentCatalogue.find(type).map(FragmentSpec::ttl).map(ttl -> (int) ttl.toSeconds())
                .orElse(defaultTtlSeconds());
    }
}
