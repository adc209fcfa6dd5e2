package coop.roseash.launcher;

import coop.roseash.devinfra.PortProbe;
import coop.roseash.devinfra.RedisServerHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local run of the whole platform: {@code java -jar launcher/target/launcher.jar up|stop}, from the repository
 * root (or any folder below it). See launcher/README.md.
 */
public final class Launcher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String SERVICE_MARKER = "quarkus-run.jar";
    private static final String LAUNCHER_MARKER = "launcher";
    private static final String DEMO_MEMBER = "member@rose-ash.coop";
    /** Settings of a local run only: the blog's live SX demos, which are off in production (shared visitor state). */
    static final Map<String, String> LOCAL_RUN_SETTINGS = Map.of("ROSEASH_BLOG_DEMOS_ENABLED", "true");

    private final Path root;
    private final Path data;
    private final Map<String, String> env;

    Launcher(Path root, Map<String, String> env) {
        this.root = root;
        this.data = root.resolve(".data");
        this.env = env;
    }

    public static void main(String[] args) {
        String command = args.length >= 1 ? args[0] : "";
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        UpOptions up = "up".equals(command) ? UpOptions.parse(options) : null;
        boolean valid = up != null && up.valid()
                || "stop".equals(command) && options.isEmpty()
                || "measure".equals(command) && (options.isEmpty() || options.size() == 1 && options.get(0).matches("[1-9]"));
        try {
            Launcher launcher = new Launcher(findRoot(Path.of("").toAbsolutePath()), System.getenv());
            switch (valid ? command : "") {
                case "up" -> launcher.up(up.demo(), up.replicas());
                case "stop" -> launcher.stop();
                case "measure" -> launcher.measure(options.isEmpty() ? 3 : Integer.parseInt(options.get(0)));
                default -> {
                    if (up != null && up.error() != null) {
                        System.err.println("[launcher] " + up.error());
                    }
                    System.err.println("usage: java -jar launcher/target/launcher.jar up [--no-demo] [--replicas blog=2,cart=2] | stop | measure [ROUNDS]\n"
                            + "  up    start PostgreSQL/Redis if needed, migrate, start the six services, wait; Ctrl-C stops all;\n"
                            + "        the blog writes its demo site (posts, pages, menu) unless --no-demo;\n"
                            + "        --replicas runs more than one of the services named, behind Caddy (ops/caddy/Caddyfile)\n"
                            + "        on http://NAME.localhost:8000 (ROSEASH_PROXY_PORT)\n"
                            + "  stop  stop a platform started by 'up' in another terminal\n"
                            + "  measure  start-up time and peak memory of each service alone (ROUNDS starts, 3 by default)\n"
                            + "        and of all six together, as a Markdown table (docs/performance.md)");
                    System.exit(2);
                }
            }
        } catch (IllegalStateException e) {
            System.err.println("[launcher] " + e.getMessage());
            System.exit(1);
        }
    }

    private void printDemoSignIns(PlatformConfig config) {
        DemoSignIn signIn = new DemoSignIn(config.services().get("federation").internalUrl(), data.resolve("mail"));
        String admin = config.admins().isEmpty() ? null : config.admins().get(0);
        if (admin != null) {
            signIn.linkFor(admin).ifPresent(link -> System.out.println("Sign in as the admin (" + admin + "): " + link));
        }
        signIn.linkFor(DEMO_MEMBER).ifPresent(link -> System.out.println("Sign in as a member (" + DEMO_MEMBER + "): " + link));
        System.out.println("Other sign-in links land in .data/mail/ (the local mail sink).");
    }

    /** The repository root: the nearest folder at or above {@code start} with config/app-config.yaml. */
    static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config/app-config.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run me from the Rose Ash repository: no config/app-config.yaml at or above " + start);
    }

    /** The options of {@code up}: {@code --no-demo}, {@code --replicas SPEC}; {@code error} says what was wrong. */
    record UpOptions(boolean demo, Replicas replicas, String error) {
        static UpOptions parse(List<String> options) {
            boolean demo = true;
            Replicas replicas = Replicas.none();
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                if ("--no-demo".equals(option) && demo) {
                    demo = false;
                } else if ("--replicas".equals(option) && i + 1 < options.size() && !replicas.any()) {
                    try {
                        replicas = Replicas.parse(options.get(++i));
                    } catch (IllegalArgumentException e) {
                        return new UpOptions(demo, replicas, e.getMessage());
                    }
                } else {
                    return new UpOptions(demo, replicas, "unexpected option '" + option + "'");
                }
            }
            return new UpOptions(demo, replicas, null);
        }

        boolean valid() {
            return error == null;
        }
    }

    /** The reverse proxy's port in a local run with replicas. */
    static final int DEFAULT_PROXY_PORT = 8000;

    void up(boolean demo, Replicas replicas) {
        PidFile launcherPid = new PidFile(data.resolve("launcher.pid"));
        launcherPid.liveProcess(LAUNCHER_MARKER).ifPresent(running -> {
            throw new IllegalStateException("the platform is already running (launcher pid " + running.pid()
                    + "); stop it with: java -jar launcher/target/launcher.jar stop");
        });
        PlatformConfig config = PlatformConfig.load(root.resolve("config/app-config.yaml"), env);
        int proxyPort = Integer.parseInt(env.getOrDefault("ROSEASH_PROXY_PORT", Integer.toString(DEFAULT_PROXY_PORT)));
        if (replicas.any() && !CaddyProxy.installed()) {
            throw new IllegalStateException("--replicas needs Caddy in front of the replicas, and 'caddy' is not installed"
                    + " (Debian: apt-get install caddy)");
        }
        Map<String, PlatformConfig.ServiceAddress> addresses = replicas.any()
                ? Replicas.behindProxy(config.services(), proxyPort) : config.services();
        for (PlatformConfig.ServiceAddress service : config.services().values()) {
            for (Replicas.Replica replica : replicas.of(service)) {
                if (PortProbe.answers("127.0.0.1", replica.port())) {
                    throw new IllegalStateException("port " + replica.port() + " (" + replica.instance() + ") is already in use");
                }
            }
        }
        launcherPid.write(ProcessHandle.current().pid());

        List<ServiceProcess> running = new CopyOnWriteArrayList<>();
        List<AutoCloseable> servers = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            stopAll(running);
            closeAll(servers);
            launcherPid.delete();
            stopped.countDown();
        }, "launcher-shutdown"));

        Map<String, String> serviceEnv = new java.util.HashMap<>(prepare(config, servers, demo));
        if (replicas.any()) {
            // public URLs through the proxy, internal ones straight to the first replica
            serviceEnv.putAll(new ServiceEnvironment(config.file()).services(addresses.values()).toMap());
        }
        Map<String, List<Integer>> replicaPorts = new java.util.LinkedHashMap<>();
        for (PlatformConfig.ServiceAddress service : config.services().values()) {
            for (Replicas.Replica replica : replicas.of(service)) {
                Map<String, String> replicaEnv = serviceEnv;
                String file = replica.number() == 1 ? service.name() : replica.instance();
                if (replicas.any()) {
                    replicaEnv = new java.util.HashMap<>(serviceEnv);
                    replicaEnv.put("ROSEASH_INSTANCE", replica.instance());
                    if (replica.number() > 1) {
                        // the first replica writes the demo site; two writing it at once would race
                        replicaEnv.put("ROSEASH_BLOG_DEMO_CONTENT", "false");
                        replicaEnv.put("ROSEASH_MARKET_DEMO_CONTENT", "false");
                    }
                }
                Path jar = ServiceProcess.jarOf(root, service.name());
                ServiceProcess process = ServiceProcess.start(file, jar, replica.port(), replicaEnv, root,
                        data.resolve("logs").resolve(file + ".log"), ClassDataArchive.of(jar).jvmFlags());
                running.add(process);
                new PidFile(data.resolve("pids").resolve(file + ".pid")).write(process.pid());
                replicaPorts.computeIfAbsent(service.name(), name -> new java.util.ArrayList<>()).add(replica.port());
            }
        }
        for (ServiceProcess process : running) {
            process.awaitReady(READY_TIMEOUT);
            log(String.format("%-10s ready in %.1f s", process.name(), process.startupTime().toMillis() / 1000.0));
        }
        if (replicas.any()) {
            CaddyProxy proxy = CaddyProxy.start(root, proxyPort, replicaPorts, data.resolve("caddy"), data.resolve("logs/caddy.log"));
            servers.add(proxy);
            new PidFile(data.resolve("pids").resolve(CADDY_PID)).write(proxy.pid());
            log("Caddy (" + CaddyProxy.CADDYFILE + ") on port " + proxyPort + ": " + replicas + ", round robin");
        }

        System.out.println();
        System.out.println("Rose Ash is running:");
        for (PlatformConfig.ServiceAddress service : addresses.values()) {
            System.out.printf("  %-10s %s/%n", service.name(), service.publicUrl());
        }
        if (demo) {
            System.out.println("Demo content is on (posts, pages and a menu in the blog); ./deploy.sh --local --no-demo starts without it.");
            printDemoSignIns(config);
        } else {
            System.out.println("Demo content is off (--no-demo).");
        }
        System.out.println("Logs in .data/logs/. Ctrl-C (or: java -jar launcher/target/launcher.jar stop) stops everything.");
        watch(running, stopped);
    }

    /**
     * Secrets, PostgreSQL (migrated) and Redis, found or started (each started server is added to {@code servers}):
     * the environment every service of a local run gets.
     */
    private Map<String, String> prepare(PlatformConfig config, List<AutoCloseable> servers, boolean demo) {
        Map<String, String> secrets = new SharedSecrets(data.resolve("secrets")).loadOrGenerate(config.oauthClientIds());
        log("secrets in " + data.resolve("secrets"));

        Database database = Database.prepare(config, secrets.get("ROSEASH_DATASOURCE_PASSWORD"), data.resolve("postgres"), env);
        servers.add(database);
        log("PostgreSQL " + (database.isEmbedded() ? "(embedded, data in .data/postgres) " : "") + "at " + database.jdbcUrl());
        log("migrations: " + database.migrate().migrationsExecuted + " applied");

        RedisServerHandle redis = RedisServerHandle.findOrStart(config.redisUrl());
        servers.add(redis);
        String redisUrl = redis.isEmbedded() ? redis.url(0) : config.redisUrl();
        log("Redis " + (redis.isEmbedded() ? "(embedded) " : "") + "at " + redisUrl);

        // nothing may reach the real SumUp from a local run: cart talks to a stub with a payment page to click
        SumUpStubServer sumUp = startSumUpStub();
        servers.add(sumUp);
        log("SumUp stub at " + sumUp.baseUrl() + " (payment pages at " + sumUp.baseUrl() + "/pay/...)");

        Map<String, String> serviceEnv = new ServiceEnvironment(config.file())
                .database(database.jdbcUrl(), database.user(), database.password())
                .redis(redisUrl)
                .with(secrets)
                .with(LOCAL_RUN_SETTINGS)
                // the demo site is written by the blog itself, through its own services (blog.democontent)
                .with(Map.of("ROSEASH_BLOG_DEMO_CONTENT", Boolean.toString(demo),
                        // and the market its demo market on the blog's demo page (market.democontent)
                        "ROSEASH_MARKET_DEMO_CONTENT", Boolean.toString(demo)))
                .with(Map.of("ROSEASH_SUMUP_API_URL", sumUp.baseUrl()))
                .toMap();
        return serviceEnv;
    }

    /**
     * {@code measure}: each service's start-up time and peak memory alone ({@code rounds} starts each, median and
     * highest), then all six started together, as a Markdown table (docs/performance.md). The local platform must
     * not be running (the same ports).
     */
    void measure(int rounds) {
        PlatformConfig config = PlatformConfig.load(root.resolve("config/app-config.yaml"), env);
        List<AutoCloseable> servers = new CopyOnWriteArrayList<>();
        try {
            Map<String, String> serviceEnv = prepare(config, servers, false);
            System.out.println(new StartupMeasurement(root, data.resolve("logs"), config, serviceEnv).run(rounds));
        } finally {
            closeAll(servers);
        }
    }

    private static SumUpStubServer startSumUpStub() {
        try {
            return SumUpStubServer.start(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the SumUp stub: " + e.getMessage());
        }
    }

    /** Stays in the foreground until stopped; if a service dies, says so and stops the rest. */
    private void watch(List<ServiceProcess> running, CountDownLatch stopped) {
        try {
            while (!stopped.await(2, TimeUnit.SECONDS)) {
                Optional<ServiceProcess> dead = running.stream().filter(process -> !process.isAlive()).findFirst();
                if (dead.isPresent()) {
                    log(dead.get().name() + " stopped unexpectedly; its log ends:\n" + dead.get().logTail(20));
                    System.exit(1); // runs the shutdown hook
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        Optional<ProcessHandle> launcher = new PidFile(data.resolve("launcher.pid")).liveProcess(LAUNCHER_MARKER);
        if (launcher.isPresent()) {
            log("stopping the platform (launcher pid " + launcher.get().pid() + ")");
            launcher.get().destroy(); // SIGTERM: its shutdown hook stops the services and embedded servers
            launcher.get().onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
        }
        // services (and replicas, and their Caddy) left behind by a launcher that was killed outright
        for (String file : pidFiles()) {
            PidFile pidFile = new PidFile(data.resolve("pids").resolve(file));
            String name = file.substring(0, file.length() - ".pid".length());
            pidFile.liveProcess(CADDY_PID.equals(file) ? CaddyProxy.COMMAND : SERVICE_MARKER).ifPresent(orphan -> {
                log("stopping " + name + " (pid " + orphan.pid() + ")");
                orphan.destroy();
                orphan.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(timeout -> {
                    orphan.destroyForcibly();
                    return null;
                }).join();
            });
            pidFile.delete();
        }
        if (launcher.isEmpty()) {
            log("no running launcher found");
        }
        log("stopped");
    }

    private List<String> pidFiles() {
        List<String> files = new java.util.ArrayList<>();
        PlatformConfig.SERVICE_NAMES.forEach(name -> files.add(name + ".pid"));
        try (java.util.stream.Stream<Path> all = Files.list(data.resolve("pids"))) {
            all.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".pid") && !files.contains(file))
                    .sorted().forEach(files::add);
        } catch (java.io.IOException | java.io.UncheckedIOException noFolder) {
            // nothing was ever started
        }
        return files;
    }

    private static final String CADDY_PID = "caddy.pid";

    private static void stopAll(List<ServiceProcess> running) {
        // in parallel: each service takes a moment to shut down gracefully
        running.parallelStream().forEach(ServiceProcess::stop);
    }

    private static void closeAll(List<AutoCloseable> servers) {
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                log("could not stop " + server + ": " + e.getMessage());
            }
        }
    }

    private static void log(String message) {
        System.out.println("[launcher] " + message);
    }
}
