package coop.roseash.federation.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas are processes, not threads: three JVMs ({@link KeyFolderReplica}) on one key folder at the same
 * moment leave it consistent, one new key and no partial files, and all sign with that key.
 */
class KeyRotationProcessesTest {
    private static final int REPLICAS = 3;

    @TempDir
    Path keys;
    @TempDir
    Path barrier;

    @Test
    void replicasStartingTogetherOnAnEmptyFolderMakeOneKey() throws Exception {
        List<String> answers = runReplicas("start");

        assertThat(answers).extracting(a -> a.split(" ")[1]).containsOnly(new KeyRing(keys).current().kid());
        assertThat(keyFiles()).containsExactly(KeyFiles.CURRENT);
    }

    @Test
    void replicasCheckingTogetherRotateOnceAndAllSignWithTheNewKey() throws Exception {
        String old = new KeyRing(keys).current().kid();
        Files.setLastModifiedTime(keys.resolve(KeyFiles.CURRENT), FileTime.from(Instant.now().minus(Duration.ofDays(120))));

        List<String> answers = runReplicas("rotate");

        assertThat(answers).filteredOn(a -> a.startsWith("true ")).hasSize(1);
        KeyRing after = new KeyRing(keys);
        String fresh = after.current().kid();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(answers).extracting(a -> a.split(" ")[1]).containsOnly(fresh);
        assertThat(after.published()).extracting(SigningKey::kid).containsExactly(fresh, old);
        assertThat(keyFiles()).containsExactlyInAnyOrder(KeyFiles.CURRENT, KeyFiles.PREVIOUS);
    }

    /** Starts the replicas, lets them go at once when all are up, and returns what each printed. */
    private List<String> runReplicas(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KeyFolderReplica.class.getName(), mode, keys.toString(), barrier.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (readyCount() < REPLICAS) {
                assertThat(System.nanoTime()).as("replicas started").isLessThan(deadline);
                Thread.sleep(20);
            }
            Files.createFile(barrier.resolve("go"));
            List<String> answers = new ArrayList<>();
            for (Process p : processes) {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("replica finished").isTrue();
                assertThat(p.exitValue()).as("replica exit code").isZero();
                String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
                answers.add(lines[lines.length - 1]);
            }
            return answers;
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private long readyCount() throws IOException {
        try (Stream<Path> files = Files.list(barrier)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
        }
    }

    /** The folder's files but the lock: keys only, no temporary files left behind. */
    private List<String> keyFiles() throws IOException {
        try (Stream<Path> files = Files.list(keys)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals(KeyFiles.LOCK)).toList();
        }
    }
}
