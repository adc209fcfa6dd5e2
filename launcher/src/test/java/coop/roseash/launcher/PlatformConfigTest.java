package coop.roseash.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformConfigTest {

    private static final Path APP_CONFIG = Path.of("../config/app-config.yaml");

    @Test
    void readsTheSixServicesAndTheDatabaseFromAppConfig() {
        PlatformConfig config = PlatformConfig.load(APP_CONFIG, Map.of());

        assertThat(config.services().keySet()).containsExactlyElementsOf(PlatformConfig.SERVICE_NAMES);
        assertThat(config.services().get("blog").port()).isEqualTo(8001);
        assertThat(config.services().get("blog").publicUrl()).isEqualTo("http://blog.localhost:8001");
        assertThat(config.databaseName()).isEqualTo("roseash");
        assertThat(config.oauthClientIds()).contains("blog", "account");
        assertThat(config.admins()).as("the demo run prints a sign-in link for the first").contains("admin@rose-ash.coop");
    }

    @Test
    void environmentVariablesWinOverTheFile() {
        PlatformConfig config = PlatformConfig.load(APP_CONFIG, Map.of(
                "ROSEASH_DATASOURCE_URL", "jdbc:postgresql://db.internal:5433/other?ssl=false",
                "ROSEASH_REDIS_URL", "redis://cache:6380/2"));

        assertThat(config.databaseName()).isEqualTo("other");
        assertThat(config.redisUrl()).isEqualTo("redis://cache:6380/2");
    }

    @Test
    void findsTheRepositoryRootFromAFolderBelowIt() {
        assertThat(Launcher.findRoot(Path.of("src/main").toAbsolutePath()).resolve("config/app-config.yaml")).exists();
    }
}
