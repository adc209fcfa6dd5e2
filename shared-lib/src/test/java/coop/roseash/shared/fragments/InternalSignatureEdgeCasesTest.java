package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What exactly is signed, beyond the wire format's README vectors (InternalSignatureTest). */
class InternalSignatureEdgeCasesTest {

    private final InternalSignature signature = new InternalSignature("example-secret");

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new InternalSignature(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InternalSignature("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InternalSignature(" \t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathAndQueryAreSignedAsUtf8() {
        // computed independently with Python's hmac over "POST\n/internal/fragments/café\nq=a%20b\n1790000000"
        assertThat(signature.sign("post", "/internal/fragments/caf\u00e9", Map.of("q", List.of("a b")), 1790000000L))
                .isEqualTo("b84c0befb554198f5fa2364af4f9e8124695f4695582f46bca32743ad5b977bf");
    }

    @Test
    void theSecretIsUsedAsItsUtf8Bytes() {
        assertThat(new InternalSignature("s\u00e9cret").sign("GET", "/internal/x", Map.of(), 1L))
                .isEqualTo("5072a5cbd616697e8d6a29218c05046d115f5a953604632f81b819cf6e53b779");
    }

    @Test
    void anEmptyQueryIsAnEmptyLine() {
        assertThat(InternalSignature.canonicalRequest("delete", "/internal/x", Map.of(), 5L))
                .isEqualTo("DELETE\n/internal/x\n\n5");
    }

    @Test
    void signaturesAreLowercaseHex() {
        assertThat(signature.sign("GET", "/internal/x", Map.of(), 1L)).matches("[0-9a-f]{64}");
    }

    @Test
    void everyPartOfTheRequestIsCovered() {
        Map<String, List<String>> query = Map.of("user_id", List.of("7"));
        String good = signature.sign("GET", "/internal/x", query, 100L);

        assertThat(signature.matches(good, "GET", "/internal/x", query, 100L)).isTrue();
        assertThat(signature.matches(good, "get", "/internal/x", query, 100L)).isTrue();
        assertThat(signature.matches(good, "POST", "/internal/x", query, 100L)).isFalse();
        assertThat(signature.matches(good, "GET", "/internal/X", query, 100L)).isFalse();
        assertThat(signature.matches(good, "GET", "/internal/x", Map.of("user_id", List.of("8")), 100L)).isFalse();
        assertThat(signature.matches(good, "GET", "/internal/x", Map.of(), 100L)).isFalse();
        assertThat(signature.matches(good, "GET", "/internal/x", query, 101L)).isFalse();
        assertThat(new InternalSignature("other-secret").matches(good, "GET", "/internal/x", query, 100L)).isFalse();
    }

    @Test
    void truncatedOrExtendedSignaturesDoNotMatch() {
        String good = signature.sign("GET", "/internal/x", Map.of(), 1L);

        assertThat(signature.matches(good.substring(1), "GET", "/internal/x", Map.of(), 1L)).isFalse();
        assertThat(signature.matches(good + "0", "GET", "/internal/x", Map.of(), 1L)).isFalse();
        assertThat(signature.matches("", "GET", "/internal/x", Map.of(), 1L)).isFalse();
    }

    @Test
    void theSeparatorsKeepFieldsApart() {
        // moving text between path and query must change the signature
        assertThat(signature.sign("GET", "/internal/x\na=1", Map.of(), 1L))
                .isNotEqualTo(signature.sign("GET", "/internal/x", Map.of("a", List.of("1")), 1L));
    }
}
