package coop.roseash.shared.activitypub;

import org.tomitribe.auth.signatures.Signature;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a signed request, draft-cavage or RFC 9421: what must be covered, the time window, the body's digest, and
 * the signature against the sender's key (fetched again once when it does not verify, for a rotated key).
 */
public final class SignatureVerifier {

    /** A request that verified: the key and the actor that owns it, and the signature's own text (for replay checks). */
    public record Verified(String keyId, String owner, String signatureText) {
    }

    private final KeyResolver keys;
    private final Duration maxAge;
    private final Duration maxSkew;

    public SignatureVerifier(KeyResolver keys, Duration maxAge, Duration maxSkew) {
        this.keys = keys;
        this.maxAge = maxAge;
        this.maxSkew = maxSkew;
    }

    public Verified verify(SignedRequest request, Instant now) throws SignatureRefused {
        boolean hasBody = request.body().length > 0;
        if (request.header("signature-input") != null) {
            return verifyRfc9421(request, now, hasBody);
        }
        String header = request.header("signature");
        if (header == null) {
            throw new SignatureRefused("the request is not signed");
        }
        return verifyCavage(request, now, hasBody, header);
    }

    private Verified verifyCavage(SignedRequest request, Instant now, boolean hasBody, String header) throws SignatureRefused {
        Signature signature = CavageSignatures.parse(header);
        List<String> covered = signature.getHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (!covered.contains("(request-target)") || !covered.contains("host")) {
            throw new SignatureRefused("the signature must cover (request-target) and host");
        }
        if (covered.contains("date")) {
            checkTime(parseDate(request.header("date")), now);
        } else if (covered.contains("(created)") && signature.getSignatureCreationTimeMilliseconds() != null) {
            checkTime(Instant.ofEpochMilli(signature.getSignatureCreationTimeMilliseconds()), now);
        } else {
            throw new SignatureRefused("the signature must cover date");
        }
        if (hasBody) {
            if (!covered.contains("digest")) {
                throw new SignatureRefused("the signature must cover digest");
            }
            if (!Digests.digestMatches(request.header("digest"), request.body())) {
                throw new SignatureRefused("the Digest does not match the body");
            }
        }
        KeyResolver.OwnedKey key = keys.resolve(signature.getKeyId(), false);
        if (!CavageSignatures.verifies(signature, key.key(), request)) {
            key = keys.resolve(signature.getKeyId(), true);
            if (!CavageSignatures.verifies(signature, key.key(), request)) {
                throw new SignatureRefused("the signature does not verify with the key of " + signature.getKeyId());
            }
        }
        return new Verified(signature.getKeyId(), key.owner(), signature.getSignature());
    }

    private Verified verifyRfc9421(SignedRequest request, Instant now, boolean hasBody) throws SignatureRefused {
        MessageSignatures.Parsed parsed = MessageSignatures.parse(request.header("signature-input"), request.header("signature"));
        List<String> covered = parsed.components();
        if (!covered.contains("@method")
                || !(covered.contains("@target-uri") || covered.contains("@authority") && covered.contains("@path"))) {
            throw new SignatureRefused("the signature must cover @method and @target-uri");
        }
        if (parsed.created() == null) {
            throw new SignatureRefused("the signature has no created time");
        }
        checkTime(Instant.ofEpochSecond(parsed.created()), now);
        if (parsed.expires() != null && Instant.ofEpochSecond(parsed.expires()).isBefore(now)) {
            throw new SignatureRefused("the signature has expired");
        }
        if (hasBody) {
            if (covered.contains("content-digest")) {
                if (!Digests.contentDigestMatches(request.header("content-digest"), request.body())) {
                    throw new SignatureRefused("the Content-Digest does not match the body");
                }
            } else if (covered.contains("digest")) {
                if (!Digests.digestMatches(request.header("digest"), request.body())) {
                    throw new SignatureRefused("the Digest does not match the body");
                }
            } else {
                throw new SignatureRefused("the signature must cover content-digest");
            }
        }
        if (parsed.keyId() == null) {
            throw new SignatureRefused("the signature names no keyid");
        }
        KeyResolver.OwnedKey key = keys.resolve(parsed.keyId(), false);
        if (!verifiesWith(parsed, key.key(), request)) {
            key = keys.resolve(parsed.keyId(), true);
            if (!verifiesWith(parsed, key.key(), request)) {
                throw new SignatureRefused("the signature does not verify with the key of " + parsed.keyId());
            }
        }
        return new Verified(parsed.keyId(), key.owner(), java.util.Base64.getEncoder().encodeToString(parsed.signature()));
    }

    private static boolean verifiesWith(MessageSignatures.Parsed parsed, PublicKey key, SignedRequest request)
            throws SignatureRefused {
        return MessageSignatures.verifies(parsed, key, request);
    }

    private void checkTime(Instant signedAt, Instant now) throws SignatureRefused {
        if (signedAt.isBefore(now.minus(maxAge))) {
            throw new SignatureRefused("the request was signed too long ago");
        }
        if (signedAt.isAfter(now.plus(maxSkew))) {
            throw new SignatureRefused("the request is dated in the future");
        }
    }

    private static Instant parseDate(String date) throws SignatureRefused {
        if (date == null) {
            throw new SignatureRefused("the Date header is missing");
        }
        try {
            return ZonedDateTime.parse(date.trim(), CavageSignatures.HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw new SignatureRefused("the Date header is not an HTTP date");
        }
    }
}
