package coop.roseash.ops;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the tests run (bats, the docker client). Where it is missing the test is
 * skipped with a notice, unless OPS_REQUIRE_TOOLS=true makes that a failure (as in CI).
 */
final class ExternalTool {

    /** What a finished process printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    private final String command;

    ExternalTool(String command) {
        this.command = command;
    }

    /** Skips (or fails, when tools are required) the calling test if the tool is not installed. */
    void assumeInstalled() {
        boolean installed;
        try {
            installed = run(Path.of("."), Map.of(), 30, "--version").exitCode() == 0;
        } catch (IllegalStateException e) {
            installed = false;
        }
        if (!installed && "true".equals(System.getenv("OPS_REQUIRE_TOOLS"))) {
            fail("'" + command + "' is not installed, and OPS_REQUIRE_TOOLS=true requires it");
        }
        assumeTrue(installed, "'" + command + "' is not installed: skipping (set OPS_REQUIRE_TOOLS=true to fail instead)");
    }

    Result run(Path workDir, Map<String, String> env, int timeoutSeconds, String... args) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(command);
        commandLine.addAll(List.of(args));
        try {
            // Output goes to a file so that the timeout holds even if the process never closes it.
            Path log = Files.createTempFile("ops-tool-", ".log");
            ProcessBuilder builder = new ProcessBuilder(commandLine).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (!finished) {
                throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
