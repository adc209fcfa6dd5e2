package coop.roseash.launcher;

import coop.roseash.devinfra.PortProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Debian's {@code caddy} in front of the services, run with the repository's {@code ops/caddy/Caddyfile} (the one the
 * stack uses), for local runs with replicas and the end-to-end tests: plain HTTP on one loopback port, the sites
 * {@code NAME.localhost}, each service's replicas as its upstreams. Its log (and its data folder, which Caddy wants
 * even for plain HTTP) stay under the given folder.
 */
public final class CaddyProxy implements AutoCloseable {

    public static final String COMMAND = "caddy";
    /** The Caddyfile, relative to the repository root. */
    public static final String CADDYFILE = "ops/caddy/Caddyfile";

    private final Process process;
    private final int port;
    private final Path log;

    private CaddyProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Whether {@code caddy} is on the PATH. */
    public static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, COMMAND))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The environment {@code ops/caddy/Caddyfile} reads (docs/operations.md, "The reverse proxy (Caddy)") for plain
     * HTTP on {@code port} of {@code NAME.localhost}, each service's upstreams its replicas' loopback ports.
     */
    public static Map<String, String> environment(int port, Map<String, List<Integer>> replicaPorts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ROSEASH_DOMAIN", "localhost");
        env.put("ROSEASH_PROXY_SCHEME", "http");
        env.put("ROSEASH_PROXY_PORT", Integer.toString(port));
        env.put("ROSEASH_HEALTH_INTERVAL", "2s");
        env.put("CADDY_ADMIN", "off");
        replicaPorts.forEach((service, ports) -> {
            List<String> upstreams = new ArrayList<>();
            ports.forEach(p -> upstreams.add("127.0.0.1:" + p));
            env.put(service.toUpperCase(Locale.ROOT) + "_UPSTREAMS", String.join(" ", upstreams));
        });
        return env;
    }

    /**
     * Starts {@code caddy run} with the repository's Caddyfile and waits (up to 30 s) until it listens on {@code port};
     * {@code work} holds its data and config folders, {@code log} its output.
     */
    public static CaddyProxy start(Path repoRoot, int port, Map<String, List<Integer>> replicaPorts, Path work, Path log) {
        Path caddyfile = repoRoot.resolve(CADDYFILE);
        if (!installed()) {
            throw new IllegalStateException("'caddy' is not installed (Debian: apt-get install caddy); it is needed for replicas");
        }
        if (PortProbe.answers("127.0.0.1", port)) {
            throw new IllegalStateException("port " + port + " (the reverse proxy) is already in use");
        }
        try {
            Files.createDirectories(work);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(COMMAND, "run", "--config", caddyfile.toString(), "--adapter", "caddyfile")
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment(port, replicaPorts));
            // Caddy keeps certificates and its autosaved config there; none of them is needed for plain HTTP
            builder.environment().put("XDG_DATA_HOME", work.resolve("data").toString());
            builder.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
            CaddyProxy proxy = new CaddyProxy(builder.start(), port, log);
            proxy.awaitListening(Duration.ofSeconds(30));
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("could not start caddy: " + e.getMessage(), e);
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("caddy exited with status " + process.exitValue() + "; its log ends:\n" + logTail());
            }
            if (PortProbe.answers("127.0.0.1", port)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for caddy", e);
            }
        }
        close();
        throw new IllegalStateException("caddy did not listen on " + port + " within " + timeout.toSeconds() + " s; its log ends:\n" + logTail());
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

    private String logTail() {
        return ServiceProcess.tail(log, 20);
    }

    /** Stops Caddy (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        ServiceProcess.stop(process, 10);
    }

    @Override
    public String toString() {
        return "caddy on port " + port;
    }
}
