package coop.roseash.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image entrypoint turns Swarm secret files into environment variables for Quarkus. */
class SecretEntrypointTest {

    private static final ExternalTool SH = new ExternalTool("sh");

    /**
     * Runs the Dockerfile's own RUN instruction that writes the entrypoint (into a temporary file),
     * then the entrypoint itself against a stand-in for /run/secrets, with `env` in place of java.
     */
    private static ExternalTool.Result runEntrypoint(Path secrets, Path workDir) throws IOException {
        String dockerfile = RepoFiles.read(DockerfileTest.DOCKERFILE);
        int start = dockerfile.indexOf("RUN printf");
        int end = dockerfile.indexOf("\n", dockerfile.indexOf("&& chmod 755 /usr/local/bin/roseash-entrypoint", start));
        Path entrypoint = workDir.resolve("entrypoint.sh");
        String writeScript = dockerfile.substring(start + "RUN ".length(), end)
                .replace("/usr/local/bin/roseash-entrypoint", entrypoint.toString());
        assertThat(SH.run(workDir, Map.of(), 30, "-c", writeScript).exitCode()).isZero();

        String script = Files.readString(entrypoint)
                .replace("/run/secrets", secrets.toString())
                .replace("exec java", "exec env #");
        Files.writeString(entrypoint, script);
        return SH.run(workDir, Map.of(), 30, entrypoint.toString());
    }

    @Test
    void exportsEachSecretFileAsTheVariableItIsNamedFor(@TempDir Path dir) throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("QUARKUS_DATASOURCE_PASSWORD"), "correct horse\n");
        Files.writeString(secrets.resolve("ROSEASH_BLOG_CREDENTIALS_KEY"), "line one\nline two\n");
        Files.createDirectories(secrets.resolve("NESTED_DIR"));
        Files.writeString(secrets.resolve("db_password"), "not a variable name");

        ExternalTool.Result result = runEntrypoint(secrets, dir);

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("QUARKUS_DATASOURCE_PASSWORD=correct horse\n");
        assertThat(result.output()).contains("ROSEASH_BLOG_CREDENTIALS_KEY=line one\nline two\n");
        assertThat(result.output()).doesNotContain("NESTED_DIR");
        assertThat(result.output()).doesNotContain("not a variable name");
    }

    @Test
    void startsWithoutAnySecrets(@TempDir Path dir) throws IOException {
        ExternalTool.Result result = runEntrypoint(dir.resolve("absent"), dir);
        assertThat(result.exitCode()).isZero();
    }
}
