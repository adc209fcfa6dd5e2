package coop.roseash.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `docker stack config` (the Docker client, no engine needed) accepts the stack file. */
class StackConfigCommandTest {

    private static final ExternalTool DOCKER = new ExternalTool("docker");

    @BeforeEach
    void requireDockerClient() {
        DOCKER.assumeInstalled();
    }

    /** The variables deploy.sh sets before `docker stack deploy`. */
    private static Map<String, String> deployEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("REGISTRY", "registry.example.coop/roseash");
        env.put("TAG", "0123456789ab");
        env.put("APP_CONFIG_HASH", "aaaaaaaaaaaa");
        env.put("OVERLAY_HASH", "bbbbbbbbbbbb");
        env.put("ROSEASH_OVERLAY_FILE", "/tmp/app-config.production.yaml");
        env.put("INTERNAL_HMAC_SECRET_VERSION", "3");
        return env;
    }

    private static ExternalTool.Result stackConfig(Map<String, String> env) {
        return DOCKER.run(RepoFiles.root(), env, 60, "stack", "config", "-c", "docker-compose.yml");
    }

    @Test
    void theStackFileIsValidAndInterpolates() {
        ExternalTool.Result result = stackConfig(deployEnvironment());

        assertThat(result.exitCode()).as(result.output()).isZero();
        for (String service : RepoFiles.SERVICES) {
            assertThat(result.output()).contains("image: registry.example.coop/roseash/" + service + ":0123456789ab");
        }
        assertThat(result.output())
                .contains("name: roseash_app_config_aaaaaaaaaaaa")
                .contains("name: roseash_internal_hmac_secret_v3")
                .contains("name: roseash_db_password_v1")
                .contains("name: roseash_redis_password_v1")
                // $$ in the file is one literal $ for the container's shell
                .contains("requirepass $(cat /run/secrets/redis_password)")
                .contains("order: start-first")
                .contains("failure_action: rollback");
    }

    @Test
    void aMissingDeployVariableIsAClearError() {
        Map<String, String> env = deployEnvironment();
        env.remove("TAG");
        // The test's own environment may hold a TAG; an empty value counts as missing too.
        env.put("TAG", "");

        ExternalTool.Result result = stackConfig(env);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("set TAG (run ./deploy.sh)");
    }

    @Test
    void theCheckDoesNotNeedAnEngine() {
        Map<String, String> env = deployEnvironment();
        env.put("DOCKER_HOST", "unix://" + Path.of("/nonexistent/docker.sock"));
        assertThat(stackConfig(env).exitCode()).isZero();
    }
}
