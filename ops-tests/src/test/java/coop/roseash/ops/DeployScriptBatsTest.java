package coop.roseash.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the bats suite of deploy.sh (ops-tests/src/test/bats) with its fake docker and Maven. */
class DeployScriptBatsTest {

    private static final ExternalTool BATS = new ExternalTool("bats");

    @Test
    void theDeployScriptSuitePasses() {
        BATS.assumeInstalled();

        ExternalTool.Result result = BATS.run(RepoFiles.root(), Map.of(), 600, "--tap", "ops-tests/src/test/bats");

        assertThat(result.output()).as("bats ran the suite").contains("1..").doesNotContain("1..0");
        assertThat(result.exitCode()).as("bats failed:\n" + result.output()).isZero();
    }
}
