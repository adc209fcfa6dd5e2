package coop.roseash.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code services/NAME/target/quarkus-app/quarkus-run.jar}) running as a child process, with
 * its log in a file. Used by the launcher and by the end-to-end tests.
 */
public final class ServiceProcess {

    /** The JVM flags every local service runs with: small heap, serial GC (measured ~235 MB peak RSS). */
    public static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private long readyNanos = -1;

    private ServiceProcess(String name, int port, Process process, Path log, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** The runnable jar of a service under the repository root. */
    public static Path jarOf(Path repoRoot, String service) {
        return repoRoot.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Starts the service's jar on {@code port} with these environment variables (on top of this process's), in
     * {@code workingDir} (the repository root, where services keep {@code .data/}).
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path workingDir, Path log) {
        return start(name, jar, port, env, workingDir, log, List.of());
    }

    /** As above, with more JVM flags after the launcher's (e.g. {@link ClassDataArchive#jvmFlags()}). */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path workingDir, Path log,
                                       List<String> moreJvmFlags) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build first (mvn -B -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(moreJvmFlags);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            long started = System.nanoTime();
            return new ServiceProcess(name, port, builder.start(), log, started);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log's tail if the process dies or time runs out. */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " while starting; its log ends:\n" + logTail(30));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyNanos = System.nanoTime();
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; its log ends:\n" + logTail(30));
    }

    /** Stops the service (SIGTERM, then SIGKILL after 15 s). */
    public void stop() {
        stop(process, 15);
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}. */
    static void stop(Process process, int graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** From process start to the first 200 of the readiness check, or -1 before that. */
    public Duration startupTime() {
        return readyNanos < 0 ? Duration.ofMillis(-1) : Duration.ofNanos(readyNanos - startedNanos);
    }

    /** Peak resident set size so far in KiB ({@code VmHWM} of /proc/PID/status), when the OS has it. */
    public OptionalLong peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException noProcfs) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    /** The last lines of the service's log, for error messages. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of a log file. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
