package coop.roseash.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedSecretsTest {

    @TempDir
    Path data;

    @Test
    void generatesEverySecretOnceAndKeepsItAcrossRuns() throws Exception {
        Path dir = data.resolve("secrets");
        Map<String, String> first = new SharedSecrets(dir).loadOrGenerate(List.of("blog", "market"));
        Map<String, String> second = new SharedSecrets(dir).loadOrGenerate(List.of("blog", "market"));

        assertThat(first).containsKeys("ROSEASH_INTERNAL_HMAC_SECRET", "ROSEASH_DATASOURCE_PASSWORD",
                "ROSEASH_OAUTH_CLIENT_BLOG_SECRET", "ROSEASH_OAUTH_CLIENT_MARKET_SECRET");
        assertThat(first.get("ROSEASH_INTERNAL_HMAC_SECRET")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(first.get("ROSEASH_OAUTH_CLIENT_BLOG_SECRET")).isNotEqualTo(first.get("ROSEASH_OAUTH_CLIENT_MARKET_SECRET"));
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("internal-hmac-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aNewClientGetsItsSecretWithoutChangingTheOthers() {
        Path dir = data.resolve("secrets");
        Map<String, String> before = new SharedSecrets(dir).loadOrGenerate(List.of("blog"));
        Map<String, String> after = new SharedSecrets(dir).loadOrGenerate(List.of("blog", "events"));

        assertThat(after).containsAllEntriesOf(before).containsKey("ROSEASH_OAUTH_CLIENT_EVENTS_SECRET");
    }
}
