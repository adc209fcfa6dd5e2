package coop.roseash.federation.login;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where sign-in continues: only a path on federation (an interrupted authorization request, mostly). */
class ContinueUrlTest {

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#ATTACKS")
    void anOpenRedirectPayloadFallsBackToTheHomePage(String url) {
        assertThat(ContinueUrl.safe(url)).isEqualTo("/");
    }

    @ParameterizedTest
    @FieldSource("coop.roseash.shared.testing.OpenRedirectPayloads#OWN_PATHS")
    void aPathOnFederationIsKept(String path) {
        assertThat(ContinueUrl.safe(path)).isEqualTo(path);
    }

    @Test
    void aLongAuthorizationRequestIsKeptUpTo4000Characters() {
        String longest = "/oauth/authorize?state=" + "a".repeat(4000 - 23);
        assertThat(ContinueUrl.safe(longest)).isEqualTo(longest);
        assertThat(ContinueUrl.safe(longest + "a")).isEqualTo("/");
        assertThat(ContinueUrl.safe(null)).isEqualTo("/");
    }
}
