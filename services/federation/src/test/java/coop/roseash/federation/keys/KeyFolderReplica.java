package coop.roseash.federation.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A federation replica in its own JVM, for {@link KeyRotationProcessesTest}: announces itself ready, waits for the
 * go, then opens the key folder ({@code start}) or runs the scheduled rotation check on it ({@code rotate}), and
 * prints {@code <rotated> <kid it signs with>}.
 */
public final class KeyFolderReplica {
    private KeyFolderReplica() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path keys = Path.of(args[1]);
        Path barrier = Path.of(args[2]);
        Files.createFile(barrier.resolve("ready-" + ProcessHandle.current().pid()));
        while (!Files.exists(barrier.resolve("go"))) {
            Thread.sleep(1);
        }
        KeyRing ring = new KeyRing(keys);
        boolean rotated = "rotate".equals(mode) && new KeyRotation(ring, Duration.ofDays(90)).rotateIfDue();
        System.out.println(rotated + " " + ring.current().kid());
    }
}
