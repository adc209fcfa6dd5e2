package coop.roseash.shared.web.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.shared.web.FakeRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signed double-submit tokens, without Quarkus: what is signed, what is accepted, what a request must echo. */
class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens(Optional.of("csrf-secret"));

    @Test
    void aTokenIsBase64UrlNonceDotHmacOfTheNonce() {
        // HMAC-SHA256("csrf-secret", nonce), base64url without padding, computed independently with Python's hmac
        assertThat(tokens.valid("AAECAwQFBgcICQoLDA0ODxAR.xyjt5BkjMFcvmKeANNXQR58KAX2HLbfs1Akd4Ne1PJo")).isTrue();
    }

    @Test
    void theSecretIsUsedAsItsUtf8Bytes() {
        CsrfTokens accented = new CsrfTokens(Optional.of("c\u00e9srf"));

        assertThat(accented.valid("AAECAwQFBgcICQoLDA0ODxAR.Lgp8mkDcbcGU151QExqYOGqXV3fWs53lcEpKs4Zyvcg")).isTrue();
    }

    @Test
    void newTokensAreValidFreshAndOfTheDocumentedShape() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = tokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{43}");
            assertThat(tokens.valid(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(20);
    }

    @Test
    void tamperedOrForeignTokensAreRefused() {
        String token = tokens.newToken();
        int dot = token.indexOf('.');
        String body = token.substring(0, dot);
        String sig = token.substring(dot + 1);

        assertThat(tokens.valid(flip(body) + "." + sig)).isFalse();
        assertThat(tokens.valid(body + "." + flip(sig))).isFalse();
        assertThat(tokens.valid(body + "." + sig + "x")).isFalse();
        assertThat(tokens.valid(body + ".." + sig)).isFalse();
        assertThat(new CsrfTokens(Optional.of("another-secret")).valid(token)).isFalse();
    }

    @Test
    void malformedTokensAreRefused() {
        assertThat(tokens.valid(null)).isFalse();
        assertThat(tokens.valid("")).isFalse();
        assertThat(tokens.valid(".")).isFalse();
        assertThat(tokens.valid("no-dot-at-all")).isFalse();
        assertThat(tokens.valid("AAECAwQFBgcICQoLDA0ODxAR.")).isFalse();
        assertThat(tokens.valid(".xyjt5BkjMFcvmKeANNXQR58KAX2HLbfs1Akd4Ne1PJo")).isFalse();
    }

    @Test
    void anEmptyBodyIsNotAcceptedEvenWithItsValidSignature() {
        // the HMAC of "" is a well-formed signature: the empty body must be refused by shape, not by luck
        String emptyBodySig = signatureOf("csrf-secret", "");
        assertThat(emptyBodySig).isNotEmpty();
        assertThat(tokens.valid("." + emptyBodySig)).isFalse();
    }

    @Test
    void replicasSharingTheSecretAcceptEachOthersTokens() {
        CsrfTokens replica = new CsrfTokens(Optional.of("csrf-secret"));

        assertThat(replica.valid(tokens.newToken())).isTrue();
        assertThat(tokens.valid(replica.newToken())).isTrue();
    }

    @Test
    void withoutASecretEachProcessSignsWithItsOwnRandomKey() {
        CsrfTokens one = new CsrfTokens(Optional.empty());
        CsrfTokens two = new CsrfTokens(Optional.of("   "));

        String token = one.newToken();
        assertThat(one.valid(token)).isTrue();
        assertThat(two.valid(token)).isFalse();
        assertThat(one.valid(two.newToken())).isFalse();
        // a blank secret is not used as the key either
        assertThat(new CsrfTokens(Optional.of("   ")).valid(two.newToken())).isFalse();
    }

    @Test
    void constantTimeEqualsNeedsTwoEqualNonNullStrings() {
        assertThat(CsrfTokens.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(CsrfTokens.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(CsrfTokens.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(CsrfTokens.constantTimeEquals(null, "abc")).isFalse();
        assertThat(CsrfTokens.constantTimeEquals("abc", null)).isFalse();
        assertThat(CsrfTokens.constantTimeEquals(null, null)).isFalse();
    }

    @Test
    void theTokenOfAVisitorIsTheirValidCookie() {
        String token = tokens.newToken();
        FakeRequest request = FakeRequest.get("/").cookie(CsrfTokens.COOKIE, token);

        assertThat(tokens.tokenFor(request.context())).isEqualTo(token);
        assertThat(request.property(CsrfTokens.ISSUED)).isNull();
    }

    @Test
    void aVisitorWithoutAValidCookieIsIssuedOneTokenPerRequest() {
        FakeRequest request = FakeRequest.get("/").cookie(CsrfTokens.COOKIE, "forged.value");

        String first = tokens.tokenFor(request.context());
        String second = tokens.tokenFor(request.context());

        assertThat(first).isNotEqualTo("forged.value");
        assertThat(tokens.valid(first)).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(request.property(CsrfTokens.ISSUED)).isEqualTo(first);
    }

    @Test
    void anAlreadyIssuedTokenWinsOverTheCookie() {
        String cookie = tokens.newToken();
        FakeRequest request = FakeRequest.get("/").cookie(CsrfTokens.COOKIE, cookie).property(CsrfTokens.ISSUED, "issued");

        assertThat(tokens.tokenFor(request.context())).isEqualTo("issued");
    }

    @Test
    void aRequestIsVerifiedWhenItsHeaderEchoesItsValidCookie() {
        String token = tokens.newToken();

        assertThat(tokens.verified(FakeRequest.post("/").cookie(CsrfTokens.COOKIE, token)
                .header(CsrfTokens.HEADER, token).context())).isTrue();
    }

    @Test
    void aRequestIsRefusedWhenTheEchoIsMissingOrDifferent() {
        String token = tokens.newToken();
        String other = tokens.newToken();

        assertThat(tokens.verified(FakeRequest.post("/").cookie(CsrfTokens.COOKIE, token).context())).isFalse();
        assertThat(tokens.verified(FakeRequest.post("/").cookie(CsrfTokens.COOKIE, token)
                .header(CsrfTokens.HEADER, other).context())).isFalse();
        assertThat(tokens.verified(FakeRequest.post("/").header(CsrfTokens.HEADER, token).context())).isFalse();
    }

    @Test
    void aCookieThatIsNotSignedByUsIsWorthlessEvenWhenEchoed() {
        // a sibling host can plant a cookie; without our signature it does not verify anything
        String planted = "AAECAwQFBgcICQoLDA0ODxAR.xyjt5BkjMFcvmKeANNXQR58KAX2HLbfs1Akd4Ne1PJo";
        CsrfTokens other = new CsrfTokens(Optional.of("another-secret"));

        assertThat(other.verified(FakeRequest.post("/").cookie(CsrfTokens.COOKIE, planted)
                .header(CsrfTokens.HEADER, planted).context())).isFalse();
        assertThat(other.cookieToken(FakeRequest.post("/").cookie(CsrfTokens.COOKIE, planted).context())).isNull();
        assertThat(tokens.cookieToken(FakeRequest.post("/").cookie(CsrfTokens.COOKIE, planted).context())).isEqualTo(planted);
    }

    private static String flip(String s) {
        char c = s.charAt(0);
        return (c == 'A' ? 'B' : 'A') + s.substring(1);
    }

    /** HMAC-SHA256 of {@code body} under {@code secret}, base64url without padding: the token format's signature. */
    private static String signatureOf(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
