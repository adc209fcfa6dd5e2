package coop.roseash.shared.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM sealing of a secret at rest under a configured key: a 12-byte random nonce, then ciphertext and tag.
 * {@code boundTo} is the associated data (what the secret belongs to), so a sealed value copied to another row does
 * not open. Used for page credentials (blog) and actors' private keys (ActivityPub).
 */
public final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    /** The key from its setting (base64 of 32 bytes); {@code setting} names it in the error. */
    public static SecretKeySpec key(String base64, String setting) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes, base64-encoded; got " + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public static byte[] seal(SecretKeySpec key, String plaintext, String boundTo) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    public static String open(SecretKeySpec key, byte[] sealed, String boundTo) throws GeneralSecurityException {
        if (sealed.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("too short to be a sealed value");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }
}
