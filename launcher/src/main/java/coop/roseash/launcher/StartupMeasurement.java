package coop.roseash.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Start-up time (process start to the first 200 of {@code /q/health/ready}) and peak memory ({@code VmHWM}, after
 * {@value #REQUESTS} requests to the service's home, so the number includes serving, not only booting) of each
 * packaged service alone, then of all six started at once. Services run with the launcher's JVM flags, each service
 * measured twice: as built, and with the JDK's dynamic class-data archive ({@link ClassDataArchive}).
 */
final class StartupMeasurement {

    static final int REQUESTS = 200;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Path logs;
    private final PlatformConfig config;
    private final Map<String, String> env;

    StartupMeasurement(Path root, Path logs, PlatformConfig config, Map<String, String> env) {
        this.root = root;
        this.logs = logs;
        this.config = config;
        this.env = env;
    }

    String run(int rounds) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("Measured with %d start(s) per service and setting; JVM flags %s.%n%n", rounds, ServiceProcess.JVM_FLAGS));
        table.append("| service | start-up alone, median (s), as built | the runs (s) | with the dynamic class-data archive | the runs (s) "
                + "| peak RSS alone, highest (MiB), as built | with the archive |\n");
        table.append("|---|---:|---|---:|---|---:|---:|\n");
        for (PlatformConfig.ServiceAddress service : config.services().values()) {
            Path jar = ServiceProcess.jarOf(root, service.name());
            Starts asBuilt = starts(service, rounds, List::of);
            ClassDataArchive archive = ClassDataArchive.of(jar);
            if (!archive.exists()) {
                startAndStop(service, archive.jvmFlags()); // the first start after a build writes the archive at exit
            }
            Starts withArchive = starts(service, rounds, () -> archive.exists() ? archive.jvmFlags() : List.of());
            table.append(String.format("| %s | %.1f | %s | %.1f | %s | %.0f | %.0f |%n", service.name(),
                    median(asBuilt.seconds), format(asBuilt.seconds), median(withArchive.seconds), format(withArchive.seconds),
                    asBuilt.peakKib / 1024.0, withArchive.peakKib / 1024.0));
        }

        List<ServiceProcess> all = new ArrayList<>();
        try {
            for (PlatformConfig.ServiceAddress service : config.services().values()) {
                all.add(start(service, ClassDataArchive.of(ServiceProcess.jarOf(root, service.name())).jvmFlags()));
            }
            double slowest = 0;
            for (ServiceProcess process : all) {
                process.awaitReady(READY_TIMEOUT);
                slowest = Math.max(slowest, process.startupTime().toMillis() / 1000.0);
            }
            config.services().values().forEach(this::load);
            long total = all.stream().mapToLong(p -> p.peakRssKib().orElse(0)).sum();
            table.append(String.format("| all six at once, with the archive | | | %.1f (the last ready) | | | %.0f (sum) |%n",
                    slowest, total / 1024.0));
        } finally {
            all.parallelStream().forEach(ServiceProcess::stop);
        }
        return table.toString();
    }

    private record Starts(List<Double> seconds, long peakKib) {
    }

    private Starts starts(PlatformConfig.ServiceAddress service, int rounds, java.util.function.Supplier<List<String>> flags) {
        List<Double> seconds = new ArrayList<>();
        long peak = 0;
        for (int round = 0; round < rounds; round++) {
            ServiceProcess process = start(service, flags.get());
            try {
                process.awaitReady(READY_TIMEOUT);
                seconds.add(process.startupTime().toMillis() / 1000.0);
                load(service);
                peak = Math.max(peak, process.peakRssKib().orElse(0));
            } finally {
                process.stop();
            }
        }
        return new Starts(seconds, peak);
    }

    private void startAndStop(PlatformConfig.ServiceAddress service, List<String> flags) {
        ServiceProcess process = start(service, flags);
        try {
            process.awaitReady(READY_TIMEOUT);
            load(service);
        } finally {
            process.stop();
        }
    }

    private ServiceProcess start(PlatformConfig.ServiceAddress service, List<String> flags) {
        return ServiceProcess.start(service.name(), ServiceProcess.jarOf(root, service.name()), service.port(), env, root,
                logs.resolve(service.name() + "-measure.log"), flags);
    }

    private static String format(List<Double> seconds) {
        return seconds.stream().map(s -> String.format("%.1f", s)).toList().toString();
    }

    private void load(PlatformConfig.ServiceAddress service) {
        URI home = URI.create(service.internalUrl() + "/");
        for (int i = 0; i < REQUESTS; i++) {
            try {
                HTTP.send(HttpRequest.newBuilder(home).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new IllegalStateException(service.name() + " did not answer its home page: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
