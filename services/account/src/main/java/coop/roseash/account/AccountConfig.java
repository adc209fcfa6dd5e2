package coop.roseash.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /**
     * Where on federation a member picks their ActivityPub username (platform.md §6, built with federation's
     * ActivityPub hub): the dashboard's "Choose your username" link until they have one.
     */
    @WithName("choose-username-path")
    @WithDefault("/choose-username")
    String chooseUsernamePath();

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
