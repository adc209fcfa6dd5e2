package coop.roseash.federation.oidc;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client whose secret is missing from the environment stops federation from starting, unless its entry says
 * {@code public: true}; a forgotten secret never turns a confidential client into a public one.
 */
class ClientSecretsTest {

    private static ClientSecrets secrets(Map<String, String> env) {
        return new ClientSecrets(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(env, "environment", 500)).build());
    }

    private static OAuthClientsConfig.Client client(String id, boolean isPublic) {
        return new OAuthClientsConfig.Client() {
            public String id() {
                return id;
            }

            public Optional<String> name() {
                return Optional.empty();
            }

            public boolean firstParty() {
                return true;
            }

            public boolean publicClient() {
                return isPublic;
            }

            public Optional<List<String>> redirectUris() {
                return Optional.empty();
            }

            public Optional<List<String>> postLogoutRedirectUris() {
                return Optional.empty();
            }

            public Optional<String> backchannelLogoutUri() {
                return Optional.empty();
            }
        };
    }

    @Test
    void aConfidentialClientWithoutItsSecretStopsTheStartNamingClientAndSetting() {
        assertThatThrownBy(() -> secrets(Map.of()).of(client("market", false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'market'").hasMessageContaining("ROSEASH_OAUTH_CLIENT_MARKET_SECRET")
                .hasMessageContaining("public: true");
        assertThatThrownBy(() -> secrets(Map.of("ROSEASH_OAUTH_CLIENT_MARKET_SECRET", "  ")).of(client("market", false)))
                .as("a blank secret is none").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets(Map.of("ROSEASH_OAUTH_CLIENT_BLOG_SECRET", "s")).of(client("market", false)))
                .as("another client's secret").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretFromEitherVariableMakesItConfidential() {
        assertThat(secrets(Map.of("ROSEASH_OAUTH_CLIENT_MY_APP_SECRET", "s1")).of(client("my-app", false))).contains("s1");
        assertThat(secrets(Map.of("OAUTH_CLIENT_MY_APP_SECRET", "s2")).of(client("my-app", false))).contains("s2");
    }

    @Test
    void aClientMarkedPublicHasNoSecret() {
        assertThat(secrets(Map.of()).of(client("mobile", true))).isEmpty();
        assertThat(secrets(Map.of("ROSEASH_OAUTH_CLIENT_MOBILE_SECRET", "stray")).of(client("mobile", true)))
                .as("a stray secret does not make a public client confidential").isEmpty();
    }
}
