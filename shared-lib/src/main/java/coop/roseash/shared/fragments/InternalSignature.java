package coop.roseash.shared.fragments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over an internal request: {@code TARGET \n METHOD \n PATH \n SORTED-QUERY \n TIMESTAMP}, hex encoded.
 * TARGET is the name of the service the request is for, so a signature one service received cannot be replayed to
 * another (every service holds the same key). The timestamp is epoch seconds; the receiver rejects it outside the
 * allowed clock skew.
 */
public final class InternalSignature {

    /** Marks a service-to-service fragment request; the value is always {@code 1}. */
    public static final String FRAGMENT_REQUEST_HEADER = "X-Fragment-Request";
    /** Epoch seconds at which the caller signed the request. */
    public static final String TIMESTAMP_HEADER = "X-Internal-Timestamp";
    /** Hex HMAC-SHA256 of the canonical request. */
    public static final String SIGNATURE_HEADER = "X-Internal-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public InternalSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the internal HMAC secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public static String canonicalRequest(String target, String method, String path,
                                          Map<String, ? extends Collection<String>> query, long timestamp) {
        if (target == null || target.isBlank() || target.contains("\n")) {
            throw new IllegalArgumentException("an internal request names the service it is for, not '" + target + "'");
        }
        return target + "\n" + method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + FragmentParams.canonicalQuery(query)
                + "\n" + timestamp;
    }

    /** The signature of a request to the service named {@code target}. */
    public String sign(String target, String method, String path, Map<String, ? extends Collection<String>> query, long timestamp) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(canonicalRequest(target, method, path, query, timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Constant-time comparison, so the check leaks nothing about how much of a forged signature was right. */
    public boolean matches(String signature, String target, String method, String path,
                           Map<String, ? extends Collection<String>> query, long timestamp) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(target, method, path, query, timestamp).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
