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

        assertThat(InternalSignature.canonicalRequest("get", "/internal/fragments/cart-mini", query, 1790000000L))
                .isEqualTo("GET\n/internal/fragments/cart-mini\ndevice_id=abc&variant=compact\n1790000000");
        assertThat(signature.sign("GET", "/internal/fragments/cart-mini", query, 1790000000L))
                .isEqualTo("c10c2b059899a9d03cdbe107cb8b4d2c74567e0b21f573f3b09ba46742635203");
    }

    @Test
    void theBatchTypesAreSortedLikeAnyOtherMultiValuedParam() {
        Map<String, List<String>> query = Map.of("user_id", List.of("7"), "type", List.of("nav-tree", "auth-menu"));

        assertThat(signature.sign("GET", "/internal/fragments", query, 1790000000L))
                .isEqualTo("be8189b243ad0614ff42e5c470d244a64246e32e1c39a77002f200e975b65135");
    }

    @Test
    void valuesArePercentEncodedAsRfc3986() {
        assertThat(FragmentParams.of("q", "a b*~é/&=").canonicalQuery()).isEqualTo("q=a%20b%2A~%C3%A9%2F%26%3D");
    }

    @Test
    void matchingIgnoresTheCaseOfTheHexButNothingElse() {
        Map<String, List<String>> query = Map.of("device_id", List.of("abc"), "variant", List.of("compact"));
        String good = signature.sign("GET", "/internal/fragments/cart-mini", query, 1790000000L);

        assertThat(signature.matches(good.toUpperCase(), "GET", "/internal/fragments/cart-mini", query, 1790000000L)).isTrue();
        assertThat(signature.matches(good, "GET", "/internal/fragments/cart-mini", query, 1790000001L)).isFalse();
        assertThat(signature.matches(good, "GET", "/internal/fragments/nav-tree", query, 1790000000L)).isFalse();
        assertThat(signature.matches(null, "GET", "/internal/fragments/cart-mini", query, 1790000000L)).isFalse();
    }
}
