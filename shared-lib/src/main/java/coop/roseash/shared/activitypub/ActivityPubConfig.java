package coop.roseash.shared.activitypub;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** ActivityPub settings, under {@code roseash.activitypub.*}. */
@ConfigMapping(prefix = "roseash.activitypub")
public interface ActivityPubConfig {

    /**
     * AES-256 key (standard base64 of 32 bytes; env {@code ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY}) that seals actors'
     * private keys in the database. Without it no actor can be created or sign.
     */
    Optional<String> keyEncryptionKey();

    /** Whether remote fetches and deliveries may reach loopback and private addresses (only local interop tests). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Connect plus read time allowed for one remote fetch or delivery. */
    @WithDefault("10s")
    Duration fetchTimeout();

    /** Largest remote document (actor, object, WebFinger answer) read, in bytes. */
    @WithDefault("1048576")
    int maxDocumentBytes();

    /** Redirects followed when fetching a remote document. */
    @WithDefault("3")
    int maxRedirects();

    /** How far in the past a signed request's {@code Date} may lie. */
    @WithDefault("12h")
    Duration maxSignatureAge();

    /** How far in the future a signed request's {@code Date} may lie (clock skew). */
    @WithDefault("1h")
    Duration maxClockSkew();

    /** How often the delivery worker polls the queue; {@code off} disables it. */
    @WithDefault("2s")
    String deliveryEvery();

    /** Failed attempts after which a delivery is given up (shown to admins as failed). */
    @WithDefault("12")
    int deliveryMaxAttempts();

    /** Wait before the first retry; doubled after each further failure. */
    @WithDefault("1m")
    Duration deliveryInitialBackoff();

    /** Upper bound of the wait between retries. */
    @WithDefault("6h")
    Duration deliveryMaxBackoff();

    /** Deliveries claimed per poll. */
    @WithDefault("20")
    int deliveryBatchSize();

    /** How long a claimed delivery stays reserved before another replica may take it. */
    @WithDefault("2m")
    Duration deliveryLease();

    /** How long a remote actor's cached document (and key) is used before it is fetched again. */
    @WithDefault("1d")
    Duration actorCacheTtl();
}
