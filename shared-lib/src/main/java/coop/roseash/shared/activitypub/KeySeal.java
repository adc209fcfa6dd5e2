package coop.roseash.shared.activitypub;

import coop.roseash.shared.crypto.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals actors' private keys with AES-256-GCM ({@link AesGcm}, as blog seals page credentials) under
 * {@code roseash.activitypub.key-encryption-key}: a database dump alone signs nothing. Stored form {@code sealed:v1:}
 * + base64(nonce, ciphertext and tag); the actor's username is the associated data, so a sealed key copied to another
 * actor does not open.
 */
@ApplicationScoped
public class KeySeal {

    private static final String PREFIX = "sealed:v1:";

    private final Optional<SecretKeySpec> key;

    KeySeal(ActivityPubConfig config) {
        this.key = config.keyEncryptionKey().filter(k -> !k.isBlank())
                .map(k -> AesGcm.key(k, "roseash.activitypub.key-encryption-key"));
    }

    /** Whether a key is configured (without one, no actor can be created). */
    public boolean available() {
        return key.isPresent();
    }

    public String seal(String privateKeyPem, String boundTo) {
        try {
            return PREFIX + Base64.getEncoder().encodeToString(AesGcm.seal(requireKey(), privateKeyPem, boundTo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the private key", e);
        }
    }

    public String open(String stored, String boundTo) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("a stored private key is not sealed; refusing to use it");
        }
        try {
            return AesGcm.open(requireKey(), Base64.getDecoder().decode(stored.substring(PREFIX.length())), boundTo);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed private key does not open with the configured key", e);
        }
    }

    private SecretKeySpec requireKey() {
        return key.orElseThrow(() -> new IllegalStateException("roseash.activitypub.key-encryption-key "
                + "(env ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY) is not set: actors cannot be created or sign"));
    }
}
