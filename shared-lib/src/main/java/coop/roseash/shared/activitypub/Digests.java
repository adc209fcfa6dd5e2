package coop.roseash.shared.activitypub;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Body digests: {@code Digest: SHA-256=} (RFC 3230, draft-cavage) and {@code Content-Digest: sha-256=::} (RFC 9530). */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Digest} header value of a body. */
    public static String digestHeader(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /** Whether a {@code Digest} header (one or more comma-separated algorithm=value pairs) has a matching SHA-256. */
    public static boolean digestMatches(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString(sha256(body));
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("SHA-256")) {
                return MessageDigest.isEqual(part.substring(eq + 1).trim().getBytes(), expected.getBytes());
            }
        }
        return false;
    }

    /** Whether a {@code Content-Digest} header has a matching sha-256 entry. */
    public static boolean contentDigestMatches(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String expected = ":" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals("sha-256")) {
                return MessageDigest.isEqual(part.substring(eq + 1).trim().getBytes(), expected.getBytes());
            }
        }
        return false;
    }
}
