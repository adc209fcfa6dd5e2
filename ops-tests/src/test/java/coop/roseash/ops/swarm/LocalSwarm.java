package coop.roseash.ops.swarm;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one-node swarm ops/swarm-local.sh prepares, and the commands the test runs against it: docker, deploy.sh,
 * the script itself. Every command's output goes to the test's output too, so a failed run shows what happened.
 */
final class LocalSwarm {

    static final String STACK = "roseash";
    static final List<String> SERVICES = List.of("blog", "market", "cart", "events", "federation", "account");

    record Result(int exitCode, String output) {
        Result ok(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + output);
            }
            return this;
        }
    }

    private LocalSwarm() {
    }

    /**
     * Prepares the swarm (engine, registry, images, secrets, proxy) with ops/swarm-local.sh. Where no engine can be
     * started at all (no dockerd and no root to install it, or a dockerd that does not come up, as in a container
     * without the privileges an engine needs), the test is skipped with a notice, or fails when OPS_REQUIRE_TOOLS=true
     * (CI). Once an engine answers, anything else the script fails at fails the test.
     */
    static void prepare(Path repo) {
        boolean canStart = run(repo, Map.of(), 10, "sh", "-c", "command -v dockerd || [ \"$(id -u)\" = 0 ]").exitCode() == 0;
        if (!canStart) {
            noEngine("no Docker engine here and no root to install Debian's docker.io", "");
        }
        // The Maven build running this test holds the machine's build lock already: the script must not wait for it.
        Result prepared = run(repo, Map.of("SWARM_LOCAL_NO_LOCK", "1"), 1800, "ops/swarm-local.sh");
        if (prepared.exitCode() != 0 && !engineAnswers()) {
            noEngine("no Docker engine could be started here (ops/swarm-local.sh exit " + prepared.exitCode() + ")",
                    prepared.output());
        }
        prepared.ok("ops/swarm-local.sh");
    }

    private static boolean engineAnswers() {
        try {
            return docker("info", "--format", "{{.ServerVersion}}").exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false; // no docker client either
        }
    }

    private static void noEngine(String why, String output) {
        if ("true".equals(System.getenv("OPS_REQUIRE_TOOLS"))) {
            fail(why + ", and OPS_REQUIRE_TOOLS=true requires the swarm test to run\n" + output);
        }
        System.out.println("[swarm] SKIPPED SwarmOpsIT: " + why + " (set OPS_REQUIRE_TOOLS=true to fail instead)");
        assumeTrue(false, why + ": skipping the swarm test (set OPS_REQUIRE_TOOLS=true to fail instead)");
    }

    /** The variables deploy.sh needs for this swarm, as ops/swarm-local.sh --env prints them. */
    static Map<String, String> deployEnv(Path repo) {
        Map<String, String> env = new HashMap<>();
        for (String line : run(repo, Map.of(), 30, "ops/swarm-local.sh", "--env").ok("swarm-local.sh --env").output().split("\n")) {
            if (line.startsWith("export ")) {
                String[] kv = line.substring("export ".length()).split("=", 2);
                env.put(kv[0], kv[1]);
            }
        }
        env.put("DOCKER_BUILDKIT", "0");
        env.put("POLL_SECONDS", "2");
        env.put("DEPLOY_TIMEOUT", "600");
        return env;
    }

    static Result docker(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        return run(Path.of("."), Map.of(), 300, command);
    }

    static String dockerOut(String... args) {
        return docker(args).ok("docker " + String.join(" ", args)).output().strip();
    }

    /** The image in the service's spec (without the digest Swarm adds). */
    static String image(String service) {
        return dockerOut("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", STACK + "_" + service)
                .replaceAll("@sha256:.*", "");
    }

    /** The ids of the service's tasks that should run, sorted: a restarted or replaced task has a new id. */
    static List<String> runningTasks(String service) {
        String out = dockerOut("service", "ps", "-q", "--filter", "desired-state=running", STACK + "_" + service);
        List<String> ids = new ArrayList<>(out.isEmpty() ? List.of() : Arrays.asList(out.split("\\s+")));
        ids.sort(null);
        return ids;
    }

    /** How many of the service's tasks run, as `docker service ls` counts them. */
    static String replicas(String service) {
        return dockerOut("service", "ls", "--filter", "name=" + STACK + "_" + service, "--format", "{{.Name}} {{.Replicas}}")
                .lines().filter(l -> l.startsWith(STACK + "_" + service + " ")).findFirst().orElse("? 0/0").split(" ")[1];
    }

    /** The container of the service's one running task on this node. */
    static String container(String service) {
        String ids = dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_" + service,
                "--filter", "health=healthy");
        if (ids.isEmpty()) {
            ids = dockerOut("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + STACK + "_" + service);
        }
        return ids.lines().findFirst().orElseThrow(() -> new AssertionError("no container of " + service));
    }

    /** Removes the stack and waits until its containers are gone (the engine itself stays). */
    static void removeStack() {
        docker("stack", "rm", STACK);
        waitFor(Duration.ofMinutes(3), "the stack's containers to stop",
                () -> dockerOut("ps", "-q", "--filter", "label=com.docker.stack.namespace=" + STACK).isEmpty());
        // its network goes a moment after its containers
        waitFor(Duration.ofMinutes(1), "the stack's network to go",
                () -> docker("network", "inspect", STACK + "_backend").exitCode() != 0);
    }

    static void waitFor(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command; its output (stdout and stderr) is echoed and returned. */
    static Result run(Path workDir, Map<String, String> env, int timeoutSeconds, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (var in = process.inputReader(StandardCharsets.UTF_8)) {
                    in.lines().forEach(line -> {
                        output.append(line).append('\n');
                        if (command[0].endsWith(".sh")) {
                            System.out.println("    | " + line);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + output);
            }
            reader.join();
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
