package coop.roseash.federation.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled signing-key rotation over a key folder shared by replicas. */
class KeyRotationTest {
    private static final Duration PERIOD = Duration.ofDays(90);

    @TempDir
    Path dir;

    @Test
    void aKeyYoungerThanThePeriodStays() {
        KeyRing ring = new KeyRing(dir);
        String kid = ring.current().kid();
        assertThat(new KeyRotation(ring, PERIOD).rotateIfDue()).isFalse();
        assertThat(ring.current().kid()).isEqualTo(kid);
        assertThat(ring.published()).hasSize(1);
    }

    @Test
    void anOldKeyIsReplacedAndStaysPublishedAsThePreviousOne() throws Exception {
        KeyRing ring = new KeyRing(dir);
        String old = ring.current().kid();
        age(Duration.ofDays(91));

        assertThat(new KeyRotation(ring, PERIOD).rotateIfDue()).isTrue();
        assertThat(ring.current().kid()).isNotEqualTo(old);
        assertThat(ring.published()).extracting(SigningKey::kid).containsExactly(ring.current().kid(), old);
        assertThat(ring.byKid(old)).isPresent();
        // the new key is young: nothing more to do
        assertThat(new KeyRotation(ring, PERIOD).rotateIfDue()).isFalse();
    }

    @Test
    void replicasSharingTheFolderRotateOnceAndAllSignWithTheNewKey() throws Exception {
        KeyRing first = new KeyRing(dir);
        String old = first.current().kid();
        age(Duration.ofDays(120));
        List<KeyRing> replicas = List.of(first, new KeyRing(dir), new KeyRing(dir), new KeyRing(dir));

        ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
        try {
            List<Callable<Boolean>> checks = new ArrayList<>();
            replicas.forEach(r -> checks.add(() -> new KeyRotation(r, PERIOD).rotateIfDue()));
            long rotations = 0;
            for (Future<Boolean> f : pool.invokeAll(checks)) {
                rotations += f.get() ? 1 : 0;
            }
            assertThat(rotations).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // a replica that lost the race has not re-read the folder yet, but its JWKS already shows the new key
        String current = replicas.stream().map(KeyRing::current).map(SigningKey::kid).filter(k -> !k.equals(old))
                .findFirst().orElseThrow();
        for (KeyRing r : replicas) {
            assertThat(r.jwks().get("keys").toString()).contains(current, old);
            assertThat(r.published()).extracting(SigningKey::kid).containsExactly(current, old);
        }
    }

    private void age(Duration by) throws Exception {
        Files.setLastModifiedTime(dir.resolve(KeyFiles.CURRENT), FileTime.from(Instant.now().minus(by)));
    }
}
