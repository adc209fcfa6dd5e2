package coop.roseash.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;

/** Where sign-in and sign-out send the visitor back: only a path on this host, never an open redirect. */
class ReturnToTest {

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#OWN_PATHS")
    void pathsOnThisHostAreKept(String path) {
        assertThat(ReturnTo.safe(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#ATTACKS")
    void anythingElseFallsBackToTheHomePage(String url) {
        assertThat(ReturnTo.safe(url)).isEqualTo("/");
    }

    /** What passes is always something a redirect can be built from (never a 500) and has no host. */
    @ParameterizedTest
    @FieldSource({"coop.roseash.shared.testing.OpenRedirectPayloads#ATTACKS",
        "coop.roseash.shared.testing.OpenRedirectPayloads#OWN_PATHS"})
    void whatPassesIsARelativePath(String url) {
        URI kept = URI.create(ReturnTo.safe(url));
        assertThat(kept.getScheme()).isNull();
        assertThat(kept.getRawAuthority()).isNull();
        assertThat(kept.getRawPath()).startsWith("/").doesNotStartWith("//");
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
