package coop.roseash.shared.activitypub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published test vectors verify: draft-cavage-http-signatures-12 appendix C (the RSA "Test" key, C.2 and C.3)
 * and RFC 9421 appendix B.2.6 (Ed25519); and what is not the signed request is refused.
 */
class SignatureTestVectorsTest {

    // draft-cavage-http-signatures-12, appendix C, the public key of "Test"
    static final String CAVAGE_TEST_KEY = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCFENGw33yGihy92pDjZQhl0C3
            6rPJj+CvfSC8+q28hxA161QFNUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6
            Z4UMR7EOcpfdUE9Hf3m/hs+FUR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJw
            oYi+1hqp1fIekaxsyQIDAQAB
            -----END PUBLIC KEY-----
            """;
    static final String CAVAGE_DATE = "Sun, 05 Jan 2014 21:31:40 GMT";
    static final Instant CAVAGE_NOW = ZonedDateTime.parse(CAVAGE_DATE, CavageSignatures.HTTP_DATE).toInstant();
    static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    // RFC 9421 appendix B.1.4, test-key-ed25519
    static final String RFC9421_ED25519_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
            -----END PUBLIC KEY-----
            """;

    @Test
    void draftCavageBasicTestVerifies() throws Exception {
        Map<String, String> headers = cavageHeaders();
        headers.put("Signature", "keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\","
                + "signature=\"qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=\"");
        // the basic test covers no digest, so it verifies as a bodiless request
        SignedRequest request = new SignedRequest("POST", "https", "example.com", "/foo?param=value&pet=dog", headers, null);
        assertThat(verifier(CAVAGE_TEST_KEY).verify(request, CAVAGE_NOW).keyId()).isEqualTo("Test");
    }

    @Test
    void draftCavageAllHeadersTestVerifies() throws Exception {
        SignedRequest request = cavageAllHeaders(BODY);
        assertThat(verifier(CAVAGE_TEST_KEY).verify(request, CAVAGE_NOW).owner()).isEqualTo("https://example.com/test");
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] tampered = "{\"hello\": \"World\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier(CAVAGE_TEST_KEY).verify(cavageAllHeaders(tampered), CAVAGE_NOW))
                .isInstanceOf(SignatureRefused.class).hasMessageContaining("Digest");
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair other = generator.generateKeyPair();
        KeyResolver wrong = (keyId, refresh) -> new KeyResolver.OwnedKey(other.getPublic(), "https://example.com/test");
        assertThatThrownBy(() -> new SignatureVerifier(wrong, Duration.ofHours(12), Duration.ofHours(1))
                .verify(cavageAllHeaders(BODY), CAVAGE_NOW))
                .isInstanceOf(SignatureRefused.class).hasMessageContaining("does not verify");
    }

    @Test
    void aRotatedKeyIsFetchedAgainOnce() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stale = generator.generateKeyPair();
        int[] fetches = {0};
        KeyResolver rotating = (keyId, refresh) -> {
            fetches[0]++;
            return new KeyResolver.OwnedKey(refresh ? ActorKeys.publicKey(CAVAGE_TEST_KEY) : stale.getPublic(), "owner");
        };
        new SignatureVerifier(rotating, Duration.ofHours(12), Duration.ofHours(1)).verify(cavageAllHeaders(BODY), CAVAGE_NOW);
        assertThat(fetches[0]).isEqualTo(2);
    }

    @Test
    void anExpiredDateIsRefused() {
        Instant thirteenHoursLater = CAVAGE_NOW.plus(Duration.ofHours(13));
        assertThatThrownBy(() -> verifier(CAVAGE_TEST_KEY).verify(cavageAllHeaders(BODY), thirteenHoursLater))
                .isInstanceOf(SignatureRefused.class).hasMessageContaining("too long ago");
        Instant twoHoursEarlier = CAVAGE_NOW.minus(Duration.ofHours(2));
        assertThatThrownBy(() -> verifier(CAVAGE_TEST_KEY).verify(cavageAllHeaders(BODY), twoHoursEarlier))
                .isInstanceOf(SignatureRefused.class).hasMessageContaining("future");
    }

    @Test
    void rfc9421Ed25519ExampleVerifies() throws Exception {
        SignedRequest request = rfc9421Request("POST");
        SignatureVerifier.Verified verified = verifier(RFC9421_ED25519_KEY).verify(request, Instant.ofEpochSecond(1618884473));
        assertThat(verified.keyId()).isEqualTo("test-key-ed25519");
    }

    @Test
    void rfc9421WithAnotherMethodIsRefused() {
        assertThatThrownBy(() -> verifier(RFC9421_ED25519_KEY).verify(rfc9421Request("PUT"), Instant.ofEpochSecond(1618884473)))
                .isInstanceOf(SignatureRefused.class).hasMessageContaining("does not verify");
    }

    @Test
    void ourOwnSignaturesVerify() throws Exception {
        ActorKeys.Pem pem = ActorKeys.generate();
        java.net.URI target = java.net.URI.create("https://remote.example:8443/users/bob/inbox");
        Instant now = Instant.now();
        Map<String, String> headers = new HashMap<>(CavageSignatures.sign("POST", target, BODY, "https://us/users/a#main-key",
                ActorKeys.privateKey(pem.privateKey()), now));
        headers.put("Content-Type", "application/activity+json");
        SignedRequest request = new SignedRequest("POST", "https", "remote.example:8443", "/users/bob/inbox", headers, BODY);
        assertThat(verifier(pem.publicKey()).verify(request, now).keyId()).isEqualTo("https://us/users/a#main-key");
        assertThat(headers.get("Signature")).contains("headers=\"(request-target) host date digest\"")
                .contains("algorithm=\"rsa-sha256\"");
    }

    private static SignedRequest rfc9421Request(String method) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", "example.com");
        headers.put("Date", "Tue, 20 Apr 2021 02:07:55 GMT");
        headers.put("Content-Type", "application/json");
        headers.put("Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:");
        headers.put("Content-Length", "18");
        headers.put("Signature-Input", "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" "
                + "\"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");
        headers.put("Signature", "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:");
        // the example covers no digest, so it verifies as the signature of a bodiless request
        return new SignedRequest(method, "https", "example.com", "/foo?param=Value&Pet=dog", headers, null);
    }

    private static SignedRequest cavageAllHeaders(byte[] body) {
        Map<String, String> headers = cavageHeaders();
        headers.put("Content-Type", "application/json");
        headers.put("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=");
        headers.put("Content-Length", "18");
        headers.put("Signature", "keyId=\"Test\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date content-type digest content-length\","
                + "signature=\"vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=\"");
        return new SignedRequest("POST", "https", "example.com", "/foo?param=value&pet=dog", headers, body);
    }

    private static Map<String, String> cavageHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", "example.com");
        headers.put("Date", CAVAGE_DATE);
        return headers;
    }

    private static SignatureVerifier verifier(String pem) {
        KeyResolver resolver = (keyId, refresh) -> new KeyResolver.OwnedKey(ActorKeys.publicKey(pem), "https://example.com/test");
        return new SignatureVerifier(resolver, Duration.ofHours(12), Duration.ofHours(1));
    }
}
