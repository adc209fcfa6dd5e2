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

    /** The entrypoint script embedded in the Dockerfile, run against a stand-in for /run/secrets. */
    private static ExternalTool.Result runEntrypoint(Path secrets, Path workDir) throws IOException {
        String dockerfile = RepoFiles.read("services/blog/Dockerfile");
        int start = dockerfile.indexOf("#!/bin/sh");
        String script = dockerfile.substring(start, dockerfile.indexOf("\nSCRIPT\n", start))
                .replace("/run/secrets", secrets.toString())
                .replace("exec java", "exec env #");
        Path file = workDir.resolve("entrypoint.sh");
        Files.writeString(file, script);
        return SH.run(workDir, Map.of(), 30, file.toString());
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
