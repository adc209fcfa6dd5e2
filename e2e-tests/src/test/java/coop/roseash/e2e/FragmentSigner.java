package coop.roseash.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an internal request the way the platform's wire format says (shared-lib's fragments README), written again
 * here on purpose: if the services drifted from the documented format, these tests would notice.
 */
final class FragmentSigner {

    private final String secret;

    FragmentSigner(String secret) {
        this.secret = secret;
    }

    /** HMAC-SHA256 hex of {@code TARGET \n GET \n PATH \n sorted-query \n timestamp}; TARGET is the service asked. */
    String sign(String target, String path, Map<String, String> query, long timestamp) {
        StringJoiner sorted = new StringJoiner("&");
        new TreeMap<>(query).forEach((name, value) -> sorted.add(encode(name) + "=" + encode(value)));
        String canonical = target + "\nGET\n" + path + "\n" + sorted + "\n" + timestamp;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
