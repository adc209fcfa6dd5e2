package coop.roseash.shared.config;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every {@code roseash.*} configuration key the platform reads, as patterns. config/app-config.yaml is shared
 * by all six services, so the list is the platform's, not one service's: a key no service reads is a typo
 * or a leftover, and {@link UnknownSettingsCheck} stops the start with its name. Add a key here when code
 * starts reading it.
 */
public final class KnownSettings {

    private static final String NAME = "[a-z0-9-]+";
    private static final String INDEX = "\\[\\d+]";

    private static final List<Pattern> KEYS = List.of(
            // the platform (RoseAshConfig)
            "domain", "service\\.name", "instance", "services\\." + NAME + "\\.(public-url|internal-url|port)",
            "admins(" + INDEX + ")?", "mail\\.(from|sink-dir)", "features\\.(calendar|market|tickets)",
            "datasource\\.(url|username|password)", "redis\\.url", "sumup\\.(api-url|currency)",
            // fragments (FragmentsConfig, InternalAuthConfig)
            "fragments\\.(timeout-ms|max-clock-skew-seconds|default-ttl-seconds)",
            "fragments\\.ttl-seconds\\." + NAME,
            "fragments\\.circuit-breaker\\.(request-volume|failure-ratio|delay-ms)",
            "fragments\\.near-cache\\.(enabled|max-entries)",
            "internal\\.hmac-secret",
            // web and sign-in
            "web\\.csrf-secret", "device-id-secret", "sso\\.client",
            "oauth\\.clients(" + INDEX + "\\.(id|name|first-party|public|redirect-uris|post-logout-redirect-uris"
                    + "|backchannel-logout-uri)(" + INDEX + ")?)?",
            // the event bus (EventBusConfig)
            "event-bus\\.(every|batch-size|max-attempts|initial-backoff|max-backoff|lease)",
            // blog
            "blog\\.credentials-key", "blog\\.ghost\\.(url|admin-key|content-key|webhook-secret)",
            "blog\\.read-cache\\.max-entries", "blog\\.demos\\.enabled",
            "blog\\.demo-content", "blog\\.bench\\.bare-page",
            // cart
            "cart\\.reconcile\\.(every|after|recheck-after|abandon-after|batch-size)",
            // market
            "market\\.demo-content",
            // federation
            "federation\\.login\\.(max-per-client|max-per-email|max-total|window)",
            "federation\\.(signing-key-rotation|signing-keys-dir)",
            // ActivityPub (coop.roseash.shared.activitypub.ActivityPubConfig)
            "activitypub\\.(key-encryption-key|allow-private-addresses|fetch-timeout|max-document-bytes|max-redirects"
                    + "|max-signature-age|max-clock-skew|delivery-every|delivery-max-attempts|delivery-initial-backoff"
                    + "|delivery-max-backoff|delivery-batch-size|delivery-lease|actor-cache-ttl)",
            // market: the catalogue import (coop.roseash.market.catalogueimport.ImportConfig)
            "market\\.import\\.(start-url|market-page|delay|connect-timeout|read-timeout|stale-after|max-pages"
                    + "|currency|cron|resume-check)",
            "market\\.import\\.selectors\\." + NAME,
            // account
            "account\\.unsubscribe-secret", "account\\.sending\\.(worker|every|batch-size|max-attempts)",
            "account\\.choose-username-path",
            // set by the build for tests (surefire system properties), read by dev-infra
            "test\\.(database|redis-db)", "repo\\.root"
    ).stream().map(key -> Pattern.compile("roseash\\." + key)).toList();

    private KnownSettings() {
    }

    /** Whether the platform reads {@code key}. */
    public static boolean isKnown(String key) {
        return KEYS.stream().anyMatch(pattern -> pattern.matcher(key).matches());
    }

    /** The {@code roseash.*} keys among {@code names} that nothing reads, sorted. */
    public static List<String> unknown(Collection<String> names) {
        return names.stream().filter(name -> name.startsWith("roseash.")).filter(name -> !isKnown(name))
                .sorted().toList();
    }
}
