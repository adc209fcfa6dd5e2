package coop.roseash.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration layers: app-config.yaml, then the ROSEASH_CONFIG overlay, then the environment. */
class PlatformConfigSourcesTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @Test
    void packagedAppConfigGivesEveryServiceItsUrlsAndPort() {
        RoseAshConfig config = config(Map.of()).getConfigMapping(RoseAshConfig.class);

        assertThat(config.services()).containsOnlyKeys("blog", "market", "cart", "events", "federation", "account");
        assertThat(config.services().get("cart").publicUrl()).isEqualTo("http://cart.localhost:8003");
        assertThat(config.services().get("cart").internalUrl()).isEqualTo("http://127.0.0.1:8003");
        assertThat(config.services().get("account").port()).isEqualTo(8006);
        assertThat(config.admins()).contains("admin@rose-ash.coop");
        assertThat(config.features().market()).isTrue();
        assertThat(config.mail().from()).contains("no-reply@rose-ash.coop");
    }

    @Test
    void overlayOverridesTheBaseAndApplicationPropertiesAndTheEnvironmentOverridesAll() throws IOException {
        env.put("ROSEASH_CONFIG", write("overlay.yaml", """
                roseash:
                  services:
                    blog:
                      public-url: https://blog.rose-ash.coop
                    market:
                      public-url: https://market.rose-ash.coop
                  features:
                    tickets: false
                """));
        env.put("ROSEASH_SERVICES_MARKET_PUBLIC_URL", "https://shop.rose-ash.coop");
        SmallRyeConfig config = config(Map.of("roseash.features.tickets", "true", "roseash.domain", "from-properties"));

        assertThat(config.getValue("roseash.services.blog.public-url", String.class)).isEqualTo("https://blog.rose-ash.coop");
        assertThat(config.getValue("roseash.services.market.public-url", String.class)).isEqualTo("https://shop.rose-ash.coop");
        assertThat(config.getValue("roseash.features.tickets", Boolean.class)).isFalse();
        // a service's application.properties still refines the base where no overlay speaks
        assertThat(config.getValue("roseash.domain", String.class)).isEqualTo("from-properties");
        assertThat(config.getValue("roseash.services.blog.port", Integer.class)).isEqualTo(8001);
    }

    @Test
    void baseFileReplacesThePackagedCopy() throws IOException {
        env.put("ROSEASH_CONFIG_BASE", write("base.yaml", """
                roseash:
                  domain: rose-ash.coop
                  admins: [ops@rose-ash.coop]
                  mail:
                    from: ops@rose-ash.coop
                """));
        SmallRyeConfig config = config(Map.of());

        assertThat(config.getValue("roseash.domain", String.class)).isEqualTo("rose-ash.coop");
        assertThat(config.getConfigMapping(RoseAshConfig.class).admins()).containsExactly("ops@rose-ash.coop");
        assertThat(config.getOptionalValue("roseash.services.blog.port", Integer.class)).isEmpty();
    }

    @Test
    void aMissingOverlayFileStopsStartWithItsName() {
        env.put("ROSEASH_CONFIG", dir.resolve("nope.yaml").toString());

        assertThatThrownBy(() -> config(Map.of()))
                .hasMessageContaining("ROSEASH_CONFIG")
                .hasMessageContaining("nope.yaml");
    }

    private SmallRyeConfig config(Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PlatformConfigSources(env::get))
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(RoseAshConfig.class)
                .withValidateUnknown(false)
                .build();
    }

    private String write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml).toString();
    }
}
