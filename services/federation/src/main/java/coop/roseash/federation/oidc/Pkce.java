package coop.roseash.federation.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636), S256 only: {@code plain} gives no protection against a stolen code. */
final class Pkce {
    static final String S256 = "S256";
    /** RFC 7636 §4.1/§4.2: 43–128 unreserved characters (a challenge is a 43-character base64url hash). */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    static boolean wellFormed(String verifierOrChallenge) {
        return verifierOrChallenge != null && VALUE.matcher(verifierOrChallenge).matches();
    }

    static boolean verifies(String verifier, String challenge) {
        if (!wellFormed(verifier) || challenge == null) {
            return false;
        }
        String computed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(OpaqueTokens.sha256(verifier));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
