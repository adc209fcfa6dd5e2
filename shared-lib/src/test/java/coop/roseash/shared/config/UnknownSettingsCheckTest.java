package coop.roseash.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** A roseash.* key that nothing reads stops the start, naming the key; every key the platform ships is known. */
class UnknownSettingsCheckTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PlatformConfigSources(name -> null))
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
    }

    @Test
    void everyKeyOfThePackagedAppConfigIsKnown() {
        List<String> names = StreamSupport.stream(config(Map.of()).getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("roseash.")).toList();
        assertThat(names).as("keys of app-config.yaml").contains("roseash.domain", "roseash.oauth.clients[0].id");
        assertThat(KnownSettings.unknown(names)).isEmpty();
    }

    @Test
    void aMistypedKeyStopsTheStartWithItsName() {
        SmallRyeConfig config = config(Map.of("roseash.fragments.timeout-ms", "800",
                "roseash.fragmnets.timeout-ms", "5", "roseash.features.markets", "false"));
        assertThatThrownBy(() -> new UnknownSettingsCheck().onStart(null, config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("roseash.features.markets, roseash.fragmnets.timeout-ms")
                .hasMessageNotContaining("roseash.fragments.timeout-ms,");
    }

    @Test
    void environmentVariablesAreNotKeys() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("ROSEASH_REQUIRE_BROWSER", "true"), 300))
                .withSources(new PropertiesConfigSource(Map.of("roseash.domain", "localhost"), "application.properties", 250))
                .build();
        assertThatCode(() -> new UnknownSettingsCheck().onStart(null, config)).doesNotThrowAnyException();
    }

    @Test
    void otherNamespacesAreNotOurs() {
        assertThatCode(() -> new UnknownSettingsCheck().onStart(null,
                config(Map.of("quarkus.http.port", "1", "ROSEASH_WHATEVER", "x", "%test.roseash.nope", "y"))))
                .doesNotThrowAnyException();
    }

    @Test
    void indexedAndPerNameKeysAreKnown() {
        assertThat(KnownSettings.isKnown("roseash.oauth.clients[12].redirect-uris[3]")).isTrue();
        assertThat(KnownSettings.isKnown("roseash.services.partner-app.internal-url")).isTrue();
        assertThat(KnownSettings.isKnown("roseash.services.blog.internal_url")).isFalse();
        assertThat(KnownSettings.isKnown("roseash.oauth.clients[0].secret")).isFalse();
    }
}
