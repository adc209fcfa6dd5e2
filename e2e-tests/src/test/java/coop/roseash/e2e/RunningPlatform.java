package coop.roseash.e2e;

import coop.roseash.devinfra.PortProbe;
import coop.roseash.launcher.CaddyProxy;
import coop.roseash.launcher.PlatformConfig;
import coop.roseash.launcher.Replicas;
import coop.roseash.launcher.ServiceEnvironment;
import coop.roseash.launcher.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The six packaged services on six consecutive test ports (the shared platform's are 18001-18006), started in
 * parallel, with their measurements.
 */
public final class RunningPlatform implements AutoCloseable {

    static final int FIRST_PORT = 18001;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, PlatformConfig.ServiceAddress> addresses;
    private Path repoRoot;
    private Path logDir;
    private Map<String, String> serviceEnv;
    private CaddyProxy proxy;

    private RunningPlatform(Map<String, PlatformConfig.ServiceAddress> addresses) {
        this.addresses = addresses;
    }

    /** The test addresses: {@code firstPort} + index, public URLs on NAME.localhost, internal on 127.0.0.1. */
    static Map<String, PlatformConfig.ServiceAddress> testAddresses(int firstPort) {
        return testAddresses(firstPort, "localhost");
    }

    /**
     * As {@link #testAddresses(int)} with public URLs on {@code NAME.DOMAIN} (a second platform on this machine:
     * {@code blog.b.localhost}), internal ones on 127.0.0.1.
     */
    public static Map<String, PlatformConfig.ServiceAddress> testAddresses(int firstPort, String domain) {
        Map<String, PlatformConfig.ServiceAddress> addresses = new LinkedHashMap<>();
        int port = firstPort;
        for (String name : PlatformConfig.SERVICE_NAMES) {
            addresses.put(name, new PlatformConfig.ServiceAddress(name, port,
                    "http://" + name + "." + domain + ":" + port, "http://127.0.0.1:" + port));
            port++;
        }
        return addresses;
    }

    /** Starts every service with {@code env} (database, Redis, secrets) plus the test addresses, and waits for all. */
    public static RunningPlatform start(Path repoRoot, ServiceEnvironment env, Path logDir) {
        return start(repoRoot, env, logDir, FIRST_PORT);
    }

    /** As {@link #start(Path, ServiceEnvironment, Path)}, on ports {@code firstPort} to {@code firstPort + 5}. */
    public static RunningPlatform start(Path repoRoot, ServiceEnvironment env, Path logDir, int firstPort) {
        return start(repoRoot, env, logDir, testAddresses(firstPort), Replicas.none(), -1);
    }

    /** As {@link #start(Path, ServiceEnvironment, Path)} on these addresses ({@link #testAddresses(int, String)}). */
    public static RunningPlatform start(Path repoRoot, ServiceEnvironment env, Path logDir,
                                        Map<String, PlatformConfig.ServiceAddress> addresses) {
        return start(repoRoot, env, logDir, addresses, Replicas.none(), -1);
    }

    /**
     * As {@link #start(Path, ServiceEnvironment, Path, int)} with {@code replicas} of some services (replica n on the
     * first's port + (n - 1) * 100, named {@code blog-2} in {@link #service(String)} and in its
     * {@code X-Roseash-Instance}) and Caddy with {@code ops/caddy/Caddyfile} in front of all six on a free port
     * ({@link #proxyPort()}), which the services' public URLs name: every public request goes through it.
     */
    public static RunningPlatform startBehindProxy(Path repoRoot, ServiceEnvironment env, Path logDir, int firstPort,
                                                   Replicas replicas) {
        int proxyPort = PortProbe.freePort();
        return start(repoRoot, env, logDir, Replicas.behindProxy(testAddresses(firstPort), proxyPort), replicas, proxyPort);
    }

    private static RunningPlatform start(Path repoRoot, ServiceEnvironment env, Path logDir,
                                         Map<String, PlatformConfig.ServiceAddress> addresses, Replicas replicas, int proxyPort) {
        RunningPlatform platform = new RunningPlatform(addresses);
        Map<String, String> serviceEnv = env.services(platform.addresses.values()).toMap();
        platform.repoRoot = repoRoot;
        platform.logDir = logDir;
        platform.serviceEnv = serviceEnv;
        try {
            Map<String, List<Integer>> replicaPorts = new LinkedHashMap<>();
            for (PlatformConfig.ServiceAddress address : platform.addresses.values()) {
                for (Replicas.Replica replica : replicas.of(address)) {
                    String key = replica.number() == 1 ? address.name() : replica.instance();
                    Map<String, String> replicaEnv = serviceEnv;
                    if (proxyPort > 0) {
                        replicaEnv = new java.util.HashMap<>(serviceEnv);
                        replicaEnv.put("ROSEASH_INSTANCE", replica.instance());
                    }
                    platform.services.put(key, ServiceProcess.start(key, ServiceProcess.jarOf(repoRoot, address.name()),
                            replica.port(), replicaEnv, repoRoot, logDir.resolve(key + ".log")));
                    replicaPorts.computeIfAbsent(address.name(), name -> new ArrayList<>()).add(replica.port());
                }
            }
            List<CompletableFuture<ServiceProcess>> ready = new ArrayList<>();
            platform.services.values().forEach(service ->
                    ready.add(CompletableFuture.supplyAsync(() -> service.awaitReady(READY_TIMEOUT))));
            ready.forEach(CompletableFuture::join);
            if (proxyPort > 0) {
                platform.proxy = CaddyProxy.start(repoRoot, proxyPort, replicaPorts, logDir.resolve("caddy"),
                        logDir.resolve("caddy.log"));
            }
            platform.warmUp();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /**
     * Two passes over every home page before any test looks: six JVMs that have just started on two cores
     * can take longer than the 800 ms fragment timeout for their first requests, and tests are about what
     * pages show, not about a cold JIT. An empty fragment is never cached, so this changes no later page.
     */
    private void warmUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int pass = 0; pass < 2; pass++) {
            for (ServiceProcess service : services.values()) {  // every replica
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/")).timeout(Duration.ofSeconds(20)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    throw new UncheckedIOException("warm-up request to " + service.name() + " failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public PlatformConfig.ServiceAddress address(String name) {
        return addresses.get(name);
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /**
     * Kills the service at once (SIGKILL: no shutdown hooks, no graceful drain, as a crash or an OOM kill) and waits
     * until its process is gone.
     */
    public void kill(String name) throws IOException, InterruptedException {
        ServiceProcess service = services.get(name);
        int status = new ProcessBuilder("kill", "-KILL", Long.toString(service.pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -KILL " + service.pid() + " exited with " + status);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (service.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (service.isAlive()) {
            throw new IllegalStateException(name + " still runs after SIGKILL");
        }
    }

    /**
     * Starts the service again (stopping it first if it still runs) with the environment it had, on its port, logging
     * to {@code NAME-restarted.log}, and waits until it is ready.
     */
    public ServiceProcess restart(String name) {
        services.get(name).stop();
        PlatformConfig.ServiceAddress address = addresses.get(name);
        ServiceProcess restarted = ServiceProcess.start(name, ServiceProcess.jarOf(repoRoot, name), address.port(),
                serviceEnv, repoRoot, logDir.resolve(name + "-restarted.log"));
        services.put(name, restarted);
        return restarted.awaitReady(READY_TIMEOUT);
    }

    /** The port of the Caddy in front ({@link #startBehindProxy}). */
    public int proxyPort() {
        if (proxy == null) {
            throw new IllegalStateException("this platform runs without a proxy");
        }
        return proxy.port();
    }

    Iterable<ServiceProcess> services() {
        return services.values();
    }

    /** A table of each service's start-up time and peak RSS so far, for the test output. */
    public String measurements() {
        StringBuilder table = new StringBuilder(String.format("%-11s %12s %14s%n", "service", "start-up (s)", "peak RSS (MiB)"));
        for (ServiceProcess service : services.values()) {
            table.append(String.format("%-11s %12.1f %14s%n", service.name(), service.startupTime().toMillis() / 1000.0,
                    service.peakRssKib().isPresent() ? String.format("%.0f", service.peakRssKib().getAsLong() / 1024.0) : "n/a"));
        }
        return table.toString();
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        services.values().parallelStream().forEach(ServiceProcess::stop);
    }
}
