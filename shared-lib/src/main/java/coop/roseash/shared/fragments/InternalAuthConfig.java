package coop.roseash.shared.fragments;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The shared secret of service-to-service requests, {@code roseash.internal.hmac-secret} (env ROSEASH_INTERNAL_HMAC_SECRET). */
@ConfigMapping(prefix = "roseash.internal")
public interface InternalAuthConfig {

    /** Absent means internal requests are refused (403) and fragments are fetched as empty: fail closed. */
    Optional<String> hmacSecret();
}
