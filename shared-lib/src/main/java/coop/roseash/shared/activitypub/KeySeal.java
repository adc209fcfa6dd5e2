package coop.roseash.shared.activitypub;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals actors' private keys with AES-256-GCM under {@code roseash.activitypub.key-encryption-key}, as blog seals
 * page credentials: a database dump alone signs nothing. Stored form {@code sealed:v1:} + base64(nonce, ciphertext
 * and tag); the actor's username is the associated data, so a sealed key copied to another actor does not open.
 */
@ApplicationScoped
public class KeySeal {

    private static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    KeySeal(ActivityPubConfig config) {
        this.key = config.keyEncryptionKey().filter(k -> !k.isBlank()).map(KeySeal::parseKey);
    }

    private static SecretKeySpec parseKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("roseash.activitypub.key-encryption-key must be 32 bytes, base64-encoded; got "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether a key is configured (without one, no actor can be created). */
    public boolean available() {
        return key.isPresent();
    }

    public String seal(String privateKeyPem, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(privateKeyPem.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the private key", e);
        }
    }

    public String open(String stored, String boundTo) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("a stored private key is not sealed; refusing to use it");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed private key does not open with the configured key", e);
        }
    }

    private SecretKeySpec requireKey() {
        return key.orElseThrow(() -> new IllegalStateException("roseash.activitypub.key-encryption-key "
                + "(env ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY) is not set: actors cannot be created or sign"));
    }
}
