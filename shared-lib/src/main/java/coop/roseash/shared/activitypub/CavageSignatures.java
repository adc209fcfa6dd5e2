package coop.roseash.shared.activitypub;

import org.tomitribe.auth.signatures.Algorithm;
import org.tomitribe.auth.signatures.Signature;
import org.tomitribe.auth.signatures.Signer;
import org.tomitribe.auth.signatures.SigningAlgorithm;
import org.tomitribe.auth.signatures.Verifier;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * draft-cavage-http-signatures-12 with rsa-sha256, through tomitribe-http-signatures (parsing the header, building
 * the signing string, RSA): what Mastodon and most of the fediverse speak.
 */
public final class CavageSignatures {

    /** What our POSTs cover. */
    public static final List<String> POST_HEADERS = List.of("(request-target)", "host", "date", "digest");
    /** What our GETs cover. */
    public static final List<String> GET_HEADERS = List.of("(request-target)", "host", "date");

    public static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Pattern HS2019 = Pattern.compile(",?\\s*algorithm=\"hs2019\"", Pattern.CASE_INSENSITIVE);

    private CavageSignatures() {
    }

    /**
     * The headers that sign a request: {@code Host}, {@code Date}, for a body {@code Digest}, and {@code Signature}.
     */
    public static Map<String, String> sign(String method, URI target, byte[] body, String keyId, PrivateKey key, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort());
        headers.put("Date", HTTP_DATE.format(now));
        List<String> covered = GET_HEADERS;
        if (body != null) {
            headers.put("Digest", Digests.digestHeader(body));
            covered = POST_HEADERS;
        }
        String pathAndQuery = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        try {
            Signature unsigned = new Signature(keyId, SigningAlgorithm.RSA_SHA256, Algorithm.RSA_SHA256, null, null, covered);
            Signature signed = new Signer(key, unsigned).sign(method.toLowerCase(Locale.ROOT), pathAndQuery, headers);
            headers.put("Signature", signed.toParamString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a request to " + target + ": " + e.getMessage(), e);
        }
        return headers;
    }

    /** Parses a {@code Signature} header; {@code hs2019} and a missing algorithm mean rsa-sha256 for RSA keys. */
    public static Signature parse(String header) throws SignatureRefused {
        try {
            if (header.toLowerCase(Locale.ROOT).contains("algorithm=")) {
                String withoutHs2019 = HS2019.matcher(header).replaceAll("");
                if (withoutHs2019.length() != header.length()) {
                    return Signature.fromString(withoutHs2019.replaceFirst("^\\s*,", ""), Algorithm.RSA_SHA256);
                }
                return Signature.fromString(header);
            }
            return Signature.fromString(header, Algorithm.RSA_SHA256);
        } catch (RuntimeException e) {
            throw new SignatureRefused("the Signature header cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether the signature verifies with {@code key} over the request's covered headers. */
    public static boolean verifies(Signature signature, PublicKey key, SignedRequest request) {
        try {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(request.headers());
            return new Verifier(key, signature).verify(request.method().toLowerCase(Locale.ROOT), request.pathAndQuery(), headers);
        } catch (Exception e) {
            return false;
        }
    }
}
