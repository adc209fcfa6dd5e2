package coop.roseash.account.unsubscribe;

import coop.roseash.account.AccountConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a one-click unsubscribe link: {@code <subscription id>.<HMAC-SHA256 over the id and the
 * subscription's nonce>}, keyed with {@code roseash.account.unsubscribe-secret}. It names one subscription and
 * nothing else can be derived from it; the nonce ({@code subscriptions.unsubscribe_token}) is replaced when an
 * address subscribes again, so a link from an earlier subscription stops working.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<byte[]> key;

    UnsubscribeTokens(AccountConfig config) {
        this.key = config.unsubscribeSecret().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether links can be made at all (the secret is configured). */
    public boolean configured() {
        return key.isPresent();
    }

    /** A fresh nonce for a subscription (256 random bits). */
    public static String newNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token for subscription {@code id} whose nonce is {@code nonce}. */
    public String token(long id, String nonce) {
        return id + "." + mac(id, nonce);
    }

    /** The subscription id a token names, if it is well formed (its signature is checked by {@link #matches}). */
    public static Optional<Long> subscriptionId(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(token.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code token} was made for subscription {@code id} with its current {@code nonce}. */
    public boolean matches(String token, long id, String nonce) {
        if (token == null || nonce == null || key.isEmpty()) {
            return false;
        }
        byte[] expected = token(id, nonce).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(long id, String nonce) {
        byte[] secret = key.orElseThrow(() -> new IllegalStateException(
                "roseash.account.unsubscribe-secret (ROSEASH_ACCOUNT_UNSUBSCRIBE_SECRET) is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] out = mac.doFinal(("unsubscribe:" + id + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
