package coop.roseash.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where sign-in and sign-out send the visitor back: only a path on this host, never an open redirect. */
class ReturnToTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders/42", "/search?q=rose&page=2", "/a!b", "/~member/%20x", "/caf\u00e9"})
    void pathsOnThisHostAreKept(String path) {
        assertThat(ReturnTo.safe(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "orders",
        "", " /orders", "/a b", "/a\tb", "/a\r\nSet-Cookie:x=1", "/a\u0000", "/a;b", "/a,b", "javascript:alert(1)"})
    void anythingElseFallsBackToTheHomePage(String url) {
        assertThat(ReturnTo.safe(url)).isEqualTo("/");
    }

    @Test
    void nullFallsBackToTheHomePage() {
        assertThat(ReturnTo.safe(null)).isEqualTo("/");
    }

    @Test
    void pathsUpTo2000CharactersAreKept() {
        String longest = "/" + "a".repeat(1999);

        assertThat(ReturnTo.safe(longest)).isEqualTo(longest);
        assertThat(ReturnTo.safe(longest + "a")).isEqualTo("/");
    }

    @Test
    void theCookieFormRoundTrips() {
        String path = "/search?q=a b;c,d&x=caf\u00e9";
        String encoded = ReturnTo.encode(path);

        assertThat(encoded).doesNotContain(" ", ";", ",", "\u00e9");
        assertThat(ReturnTo.decode(encoded)).isEqualTo(path);
    }

    @Test
    void aMalformedCookieDecodesToTheHomePage() {
        assertThat(ReturnTo.decode("%zz")).isEqualTo("/");
        assertThat(ReturnTo.decode("%")).isEqualTo("/");
    }
}
