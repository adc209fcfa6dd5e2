package coop.roseash.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The redirect responses themselves, and the control characters the guard refuses (SxRedirectTest has the rest). */
class SxRedirectResponseTest {

    @Test
    void aBrowserGetsA303ToThePath() {
        Response response = SxRedirect.to(FakeRequest.post("/orders").httpHeaders(), "/orders/42");

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).isEqualTo(URI.create("/orders/42"));
        assertThat(response.getHeaderString(SxHeaders.SX_REDIRECT)).isNull();
        assertThat(response.getHeaderString(HttpHeaders.VARY)).isEqualTo(SxHeaders.SX_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True"})
    void anSxRequestGets200WithTheRedirectHeader(String flag) {
        Response response = SxRedirect.to(FakeRequest.post("/orders").header(SxHeaders.SX_REQUEST, flag).httpHeaders(),
                "/orders/42");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString(SxHeaders.SX_REDIRECT)).isEqualTo("/orders/42");
        assertThat(response.getLocation()).isNull();
        assertThat(response.getHeaderString(HttpHeaders.VARY)).isEqualTo(SxHeaders.SX_REQUEST);
    }

    @Test
    void anSxRequestHeaderOtherThanTrueIsABrowser() {
        Response response = SxRedirect.to(FakeRequest.post("/orders").header(SxHeaders.SX_REQUEST, "1").httpHeaders(),
                "/orders/42");

        assertThat(response.getStatus()).isEqualTo(303);
    }

    @Test
    void aForeignTargetIsRefusedBeforeAnyResponse() {
        assertThatThrownBy(() -> SxRedirect.to(FakeRequest.post("/orders").httpHeaders(), "https://evil.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://evil.example/");
        assertThatThrownBy(() -> SxRedirect.to(FakeRequest.post("/orders").header(SxHeaders.SX_REQUEST, "true").httpHeaders(),
                "//evil.example/")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\u0000", "/a\u001f", "/a\u007f", "/a\tb", "/a\nb"})
    void controlCharactersAreRefused(String target) {
        assertThatThrownBy(() -> SxRedirect.requireLocalPath(target)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> SxRedirect.requireLocalPath(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a!b", "/~x", "/caf\u00e9", "/a\u0080"})
    void printableAndNonAsciiCharactersAreAccepted(String target) {
        assertThatCode(() -> SxRedirect.requireLocalPath(target)).doesNotThrowAnyException();
    }
}
