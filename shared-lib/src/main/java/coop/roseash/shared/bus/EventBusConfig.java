package coop.roseash.shared.bus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the event processor, under {@code roseash.event-bus.*}. */
@ConfigMapping(prefix = "roseash.event-bus")
public interface EventBusConfig {

    /** How often the processor polls for due deliveries; {@code off} disables the schedule. */
    @WithDefault("1s")
    String every();

    /** Deliveries claimed per round trip. */
    @WithDefault("50")
    int batchSize();

    /** Failed attempts after which a delivery is marked failed for good. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the first retry; doubled after each further failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Upper bound of the wait between retries. */
    @WithDefault("10m")
    Duration maxBackoff();

    /** How long a claimed delivery stays reserved for its claimer before another replica may take it. */
    @WithDefault("5m")
    Duration lease();
}
