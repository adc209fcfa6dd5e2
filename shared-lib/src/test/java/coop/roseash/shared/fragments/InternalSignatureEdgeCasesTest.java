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
        // computed independently with Python's hmac over "blog\nPOST\n/internal/fragments/café\nq=a%20b\n1790000000"
        assertThat(signature.sign("blog", "post", "/internal/fragments/caf\u00e9", Map.of("q", List.of("a b")), 1790000000L))
                .isEqualTo("86cbd84410fab9f222466781d6e3d47260ce59b0031a682ec01316a1070d0f07");
    }

    @Test
    void theSecretIsUsedAsItsUtf8Bytes() {
        assertThat(new InternalSignature("s\u00e9cret").sign("blog", "GET", "/internal/x", Map.of(), 1L))
                .isEqualTo("54b8b21af77f4d4738e8d79dde4363dabe2f3b623cfcbb79befef704dc0cda52");
    }

    @Test
    void anEmptyQueryIsAnEmptyLine() {
        assertThat(InternalSignature.canonicalRequest("blog", "delete", "/internal/x", Map.of(), 5L))
                .isEqualTo("blog\nDELETE\n/internal/x\n\n5");
    }

    @Test
    void signaturesAreLowercaseHex() {
        assertThat(signature.sign("blog", "GET", "/internal/x", Map.of(), 1L)).matches("[0-9a-f]{64}");
    }

    @Test
    void everyPartOfTheRequestIsCovered() {
        Map<String, List<String>> query = Map.of("user_id", List.of("7"));
        String good = signature.sign("blog", "GET", "/internal/x", query, 100L);

        assertThat(signature.matches(good, "blog", "GET", "/internal/x", query, 100L)).isTrue();
        assertThat(signature.matches(good, "blog", "get", "/internal/x", query, 100L)).isTrue();
        assertThat(signature.matches(good, "blog", "POST", "/internal/x", query, 100L)).isFalse();
        assertThat(signature.matches(good, "blog", "GET", "/internal/X", query, 100L)).isFalse();
        assertThat(signature.matches(good, "blog", "GET", "/internal/x", Map.of("user_id", List.of("8")), 100L)).isFalse();
        assertThat(signature.matches(good, "blog", "GET", "/internal/x", Map.of(), 100L)).isFalse();
        assertThat(signature.matches(good, "blog", "GET", "/internal/x", query, 101L)).isFalse();
        assertThat(signature.matches(good, "market", "GET", "/internal/x", query, 100L)).as("another target").isFalse();
        assertThat(new InternalSignature("other-secret").matches(good, "blog", "GET", "/internal/x", query, 100L)).isFalse();
    }

    @Test
    void truncatedOrExtendedSignaturesDoNotMatch() {
        String good = signature.sign("blog", "GET", "/internal/x", Map.of(), 1L);

        assertThat(signature.matches(good.substring(1), "blog", "GET", "/internal/x", Map.of(), 1L)).isFalse();
        assertThat(signature.matches(good + "0", "blog", "GET", "/internal/x", Map.of(), 1L)).isFalse();
        assertThat(signature.matches("", "blog", "GET", "/internal/x", Map.of(), 1L)).isFalse();
    }

    @Test
    void theTargetMustBeAName() {
        assertThatThrownBy(() -> signature.sign(null, "GET", "/internal/x", Map.of(), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signature.sign(" ", "GET", "/internal/x", Map.of(), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        // a line break would let a target impersonate the method line
        assertThatThrownBy(() -> signature.sign("blog\nGET", "GET", "/internal/x", Map.of(), 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSeparatorsKeepFieldsApart() {
        // moving text between path and query must change the signature
        assertThat(signature.sign("blog", "GET", "/internal/x\na=1", Map.of(), 1L))
                .isNotEqualTo(signature.sign("blog", "GET", "/internal/x", Map.of("a", List.of("1")), 1L));
    }
}
