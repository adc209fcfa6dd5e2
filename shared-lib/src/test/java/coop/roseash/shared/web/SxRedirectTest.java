package coop.roseash.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirect targets stay on this service. */
class SxRedirectTest {

    @Test
    void pathsOnThisServiceAreAccepted() {
        assertThatCode(() -> SxRedirect.requireLocalPath("/orders/42?tab=items")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "orders", "/a\r\nSet-Cookie: x=1", ""})
    void anythingElseIsRefused(String target) {
        assertThatThrownBy(() -> SxRedirect.requireLocalPath(target)).isInstanceOf(IllegalArgumentException.class);
    }
}
