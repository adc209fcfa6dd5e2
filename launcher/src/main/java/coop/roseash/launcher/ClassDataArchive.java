package coop.roseash.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JDK's dynamic class-data archive (AppCDS) of one packaged service, for faster starts (docs/performance.md,
 * "Start-up time and memory"). The first start after a build runs with {@code -XX:ArchiveClassesAtExit}: the JVM
 * writes the classes it loaded into the archive when it exits cleanly (the launcher's SIGTERM); later starts map it
 * with {@code -XX:SharedArchiveFile}. Unlike the archive Quarkus builds at package time, the JDK records the jar by
 * the absolute path the launcher gives it, so it works from the repository root.
 *
 * <p>The archive's name carries the jar's size and modification time, so a new build never meets a stale archive
 * (the JVM would refuse it anyway, and start without one). One process per jar writes it (a claim file; replicas of
 * the same service start without); a claim left by a process killed before it could write is taken over after
 * {@link #STALE_CLAIM}. An archive the JVM cannot map (a write cut short) only costs that: the JVM warns and starts
 * without it ({@code -Xshare:auto}, the default).
 */
public final class ClassDataArchive {

    static final Duration STALE_CLAIM = Duration.ofMinutes(30);

    private final Path archive;
    private final Path claim;

    private ClassDataArchive(Path archive) {
        this.archive = archive;
        this.claim = archive.resolveSibling(archive.getFileName() + ".claim");
    }

    /** The archive of this build of the jar (next to it, in {@code quarkus-app/}). */
    public static ClassDataArchive of(Path jar) {
        try {
            String key = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            return new ClassDataArchive(jar.toAbsolutePath().resolveSibling("roseash-cds-" + key + ".jsa"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return archive;
    }

    /** Whether a written archive is there to be used. */
    public boolean exists() {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The JVM flags for the next start: use the archive where it exists; else write it at exit if no other process
     * of this jar is writing it; else none.
     */
    public List<String> jvmFlags() {
        if (exists()) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        return claim() ? List.of("-XX:ArchiveClassesAtExit=" + archive) : List.of();
    }

    private boolean claim() {
        try {
            Files.createFile(claim);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return takeOverStaleClaim();
        } catch (IOException e) {
            return false; // a read-only build folder: start without an archive
        }
    }

    private boolean takeOverStaleClaim() {
        try {
            FileTime claimed = Files.getLastModifiedTime(claim);
            if (claimed.toInstant().isAfter(Instant.now().minus(STALE_CLAIM))) {
                return false;
            }
            Files.setLastModifiedTime(claim, FileTime.from(Instant.now()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
