package coop.roseash.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** account's own settings ({@code roseash.account.*}); the platform's are in {@code RoseAshConfig}. */
@ConfigMapping(prefix = "roseash.account")
public interface AccountConfig {

    /** Signs the one-click unsubscribe links (HMAC-SHA256); without it no newsletter is sent. */
    @WithName("unsubscribe-secret")
    Optional<String> unsubscribeSecret();

    Sending sending();

    interface Sending {
        /** Whether this process sends (a replica serving pages only sets it false). */
        boolean worker();

        /** How often the worker looks for pending deliveries. */
        Duration every();

        /** Deliveries handled per round before the worker looks again (one transaction each). */
        @WithName("batch-size")
        int batchSize();

        /** SMTP refusals of one address before its delivery is marked failed. */
        @WithName("max-attempts")
        int maxAttempts();
    }
}
