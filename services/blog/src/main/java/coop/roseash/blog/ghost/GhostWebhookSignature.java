package coop.roseash.blog.ghost;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Ghost's {@code X-Ghost-Signature: sha256=HEX, t=MILLIS}: HMAC-SHA256 of the raw body followed by the
 * timestamp, under the webhook's secret, and a timestamp within the allowed skew (replays of old calls fail).
 */
final class GhostWebhookSignature {

    static final long MAX_SKEW_MILLIS = 5 * 60 * 1000;
    private static final Pattern HEADER = Pattern.compile("^\\s*sha256=([0-9a-fA-F]{64})\\s*,\\s*t=(\\d{1,15})\\s*$");

    private final byte[] secret;
    private final Clock clock;

    GhostWebhookSignature(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    boolean valid(String header, String body) {
        if (header == null || body == null) {
            return false;
        }
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            return false;
        }
        long t = Long.parseLong(m.group(2));
        if (Math.abs(clock.millis() - t) > MAX_SKEW_MILLIS) {
            return false;
        }
        byte[] expected = sign(body + t);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(1).toLowerCase()));
    }

    /** The header value Ghost would send for {@code body} at {@code millis} (tests play Ghost with it). */
    String header(String body, long millis) {
        return "sha256=" + HexFormat.of().formatHex(sign(body + millis)) + ", t=" + millis;
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
