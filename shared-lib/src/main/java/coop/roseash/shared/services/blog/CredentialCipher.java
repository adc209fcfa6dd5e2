package coop.roseash.shared.services.blog;

import coop.roseash.shared.crypto.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Encrypts per-page secrets (SumUp credentials) with AES-256-GCM ({@link AesGcm}) under the key in
 * {@code roseash.blog.credentials-key} (base64 of 32 bytes; env {@code ROSEASH_BLOG_CREDENTIALS_KEY}).
 * The container is bound in as associated data, so a ciphertext copied to another page does not decrypt.
 */
@ApplicationScoped
public class CredentialCipher {

    private final Optional<SecretKeySpec> key;

    public CredentialCipher(@ConfigProperty(name = "roseash.blog.credentials-key") Optional<String> base64Key) {
        this.key = base64Key.filter(k -> !k.isBlank()).map(k -> AesGcm.key(k, "roseash.blog.credentials-key"));
    }

    public byte[] encrypt(String plaintext, String boundTo) {
        try {
            return AesGcm.seal(requireKey(), plaintext, boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt credentials", e);
        }
    }

    public String decrypt(byte[] stored, String boundTo) {
        try {
            return AesGcm.open(requireKey(), stored, boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored credentials do not decrypt with the configured key", e);
        }
    }

    private SecretKeySpec requireKey() {
        return key.orElseThrow(() -> new IllegalStateException(
                "roseash.blog.credentials-key (env ROSEASH_BLOG_CREDENTIALS_KEY) is not set: cannot store page credentials"));
    }
}
