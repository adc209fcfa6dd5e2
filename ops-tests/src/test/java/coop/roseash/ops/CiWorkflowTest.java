package coop.roseash.ops;

import static coop.roseash.ops.RepoFiles.list;
import static coop.roseash.ops.RepoFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Gitea workflow: tests on every push, then change detection, images and an SSH deploy on main. */
class CiWorkflowTest {

    private static Map<String, Object> workflow;
    private static Map<String, Object> jobs;

    @BeforeAll
    static void parse() {
        workflow = RepoFiles.yaml(".gitea/workflows/ci.yml");
        jobs = map(workflow, "jobs");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) {
        return (List<Map<String, Object>>) (List<?>) list(map(jobs, job), "steps");
    }

    private static int stepRunning(String job, String command) {
        List<Map<String, Object>> steps = steps(job);
        for (int i = 0; i < steps.size(); i++) {
            if (String.valueOf(steps.get(i).get("run")).contains(command)) {
                return i;
            }
        }
        throw new AssertionError("job '" + job + "' has no step running '" + command + "'");
    }

    @Test
    void runsOnPushesToMain() {
        // YAML 1.1 reads the key `on` as the boolean true.
        Object triggers = workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(Boolean.TRUE);
        assertThat(list(map(triggers, "push"), "branches")).containsExactly("main");
    }

    @Test
    void theTestJobRunsTheTestCommand() {
        assertThat(stepRunning("test", ".ci/run")).isGreaterThan(0);
        assertThat(RepoFiles.root().resolve(".ci/run")).isExecutable();
    }

    @Test
    void theDeployJobRunsOnlyAfterTheTestsAndOnlyForMain() {
        Map<String, Object> deploy = map(jobs, "deploy");
        assertThat(String.valueOf(deploy.get("needs"))).contains("test");
        assertThat((String) deploy.get("if")).contains("github.event_name == 'push'").contains("refs/heads/main");
    }

    @Test
    void detectsChangesThenBuildsAndPushesThenDeploys() {
        int detect = stepRunning("deploy", "./deploy.sh --dry-run");
        int build = stepRunning("deploy", "./deploy.sh --skip-tests --build-only");
        int deploy = stepRunning("deploy", "./deploy.sh --deploy-only");
        assertThat(detect).isLessThan(build);
        assertThat(build).isLessThan(deploy);
        // Change detection diffs against deployed commits: it needs the whole history.
        Map<String, Object> checkout = steps("deploy").get(0);
        assertThat((String) checkout.get("uses")).startsWith("actions/checkout@");
        assertThat(map(checkout, "with")).containsEntry("fetch-depth", 0);
        assertThat(stepRunning("deploy", "docker login")).isLessThan(build);
    }

    @Test
    void deploysOverSshWithTheDeployKeyAndHostSecrets() {
        Map<String, Object> env = map(map(jobs, "deploy"), "env");
        assertThat((String) env.get("SWARM_HOST")).startsWith("ssh://").contains("${{ secrets.DEPLOY_HOST }}");
        int ssh = stepRunning("deploy", "~/.ssh/id_deploy");
        Map<String, Object> sshEnv = map(steps("deploy").get(ssh), "env");
        assertThat(sshEnv).containsEntry("DEPLOY_SSH_KEY", "${{ secrets.DEPLOY_SSH_KEY }}")
                .containsEntry("DEPLOY_HOST", "${{ secrets.DEPLOY_HOST }}");
        assertThat(ssh).isLessThan(stepRunning("deploy", "./deploy.sh --dry-run"));
        assertThat(env).containsKeys("REGISTRY", "DOMAIN");
    }

    @Test
    void noSecretIsWrittenIntoACommandLine() {
        // Secrets reach steps through env, never interpolated into the script text (where logs show it).
        for (String job : jobs.keySet()) {
            for (Map<String, Object> step : steps(job)) {
                assertThat(String.valueOf(step.get("run"))).as(job + ": " + step.get("name")).doesNotContain("secrets.");
            }
        }
    }

    @Test
    void buildsImagesOnlyThroughDeploySh() {
        // deploy.sh builds every image from services/Dockerfile with --build-arg SERVICE; a step of
        // its own would bypass that (and the change detection deciding which images to build).
        for (String job : jobs.keySet()) {
            for (Map<String, Object> step : steps(job)) {
                assertThat(String.valueOf(step.get("run"))).as(job + ": " + step.get("name"))
                        .doesNotContain("docker build").doesNotContain("docker buildx").doesNotContain("Dockerfile");
            }
        }
    }

    @Test
    void usesOnlyOptionsDeployShKnows() {
        String usage = RepoFiles.read("deploy.sh");
        Matcher options = Pattern.compile("\\./deploy\\.sh((?: --[a-z-]+)+)").matcher(RepoFiles.read(".gitea/workflows/ci.yml"));
        int found = 0;
        while (options.find()) {
            for (String option : options.group(1).trim().split(" ")) {
                assertThat(usage).as("deploy.sh documents " + option).contains("\n  " + option + " ");
                found++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }
}
