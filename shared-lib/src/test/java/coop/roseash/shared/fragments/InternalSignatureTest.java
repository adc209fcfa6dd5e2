package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire format's test vectors (README.md in the main package), computed independently with Python's hmac. */
class InternalSignatureTest {

    private final InternalSignature signature = new InternalSignature("example-secret");

    @Test
    void signsTheReadmeExample() {
        Map<String, List<String>> query = Map.of("variant", List.of("compact"), "device_id", List.of("abc"));

        assertThat(InternalSignature.canonicalRequest("cart", "get", "/internal/fragments/cart-mini", query, 1790000000L))
                .isEqualTo("cart\nGET\n/internal/fragments/cart-mini\ndevice_id=abc&variant=compact\n1790000000");
        assertThat(signature.sign("cart", "GET", "/internal/fragments/cart-mini", query, 1790000000L))
                .isEqualTo("f2b16042602a7ef84fb1cc0609e6311c4adfc1fe981e48a43866516e020ba6d9");
    }

    @Test
    void theBatchTypesAreSortedLikeAnyOtherMultiValuedParam() {
        Map<String, List<String>> query = Map.of("user_id", List.of("7"), "type", List.of("nav-tree", "auth-menu"));

        assertThat(signature.sign("blog", "GET", "/internal/fragments", query, 1790000000L))
                .isEqualTo("56278a4d88c23b2a6520e6f5501aea797a3fc9160a4422a223620844ec6352d7");
    }

    @Test
    void valuesArePercentEncodedAsRfc3986() {
        assertThat(FragmentParams.of("q", "a b*~é/&=").canonicalQuery()).isEqualTo("q=a%20b%2A~%C3%A9%2F%26%3D");
    }

    @Test
    void matchingIgnoresTheCaseOfTheHexButNothingElse() {
        Map<String, List<String>> query = Map.of("device_id", List.of("abc"), "variant", List.of("compact"));
        String good = signature.sign("cart", "GET", "/internal/fragments/cart-mini", query, 1790000000L);

        assertThat(signature.matches(good.toUpperCase(), "cart", "GET", "/internal/fragments/cart-mini", query, 1790000000L)).isTrue();
        assertThat(signature.matches(good, "cart", "GET", "/internal/fragments/cart-mini", query, 1790000001L)).isFalse();
        assertThat(signature.matches(good, "cart", "GET", "/internal/fragments/nav-tree", query, 1790000000L)).isFalse();
        assertThat(signature.matches(good, "blog", "GET", "/internal/fragments/cart-mini", query, 1790000000L)).isFalse();
        assertThat(signature.matches(null, "cart", "GET", "/internal/fragments/cart-mini", query, 1790000000L)).isFalse();
    }
}
