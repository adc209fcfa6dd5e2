package coop.roseash.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesTheArchiveAndOnlyOneProcessDoes() throws IOException {
        Path jar = jar("first build");
        assertThat(ClassDataArchive.of(jar).jvmFlags())
                .containsExactly("-XX:ArchiveClassesAtExit=" + ClassDataArchive.of(jar).path());
        assertThat(ClassDataArchive.of(jar).jvmFlags()).as("a second replica while the first is writing").isEmpty();
    }

    @Test
    void laterStartsMapTheWrittenArchive() throws IOException {
        Path jar = jar("first build");
        ClassDataArchive archive = ClassDataArchive.of(jar);
        archive.jvmFlags();
        Files.writeString(archive.path(), "what the JVM wrote at exit");
        assertThat(ClassDataArchive.of(jar).jvmFlags()).containsExactly("-XX:SharedArchiveFile=" + archive.path());
    }

    @Test
    void aNewBuildOfTheJarNeverMeetsTheOldArchive() throws IOException {
        Path jar = jar("first build");
        ClassDataArchive old = ClassDataArchive.of(jar);
        old.jvmFlags();
        Files.writeString(old.path(), "archive of the first build");
        Files.writeString(jar, "second build, another size");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        ClassDataArchive rebuilt = ClassDataArchive.of(jar);
        assertThat(rebuilt.path()).isNotEqualTo(old.path());
        assertThat(rebuilt.jvmFlags()).containsExactly("-XX:ArchiveClassesAtExit=" + rebuilt.path());
    }

    @Test
    void aClaimLeftByAKilledWriterIsTakenOverOnceStale() throws IOException {
        Path jar = jar("first build");
        ClassDataArchive archive = ClassDataArchive.of(jar);
        archive.jvmFlags();
        Path claim = archive.path().resolveSibling(archive.path().getFileName() + ".claim");
        Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minus(ClassDataArchive.STALE_CLAIM).minusSeconds(60)));
        assertThat(ClassDataArchive.of(jar).jvmFlags()).containsExactly("-XX:ArchiveClassesAtExit=" + archive.path());
        assertThat(ClassDataArchive.of(jar).jvmFlags()).as("the claim is fresh again").isEmpty();
    }

    private Path jar(String content) throws IOException {
        Path jar = dir.resolve("quarkus-run.jar");
        Files.writeString(jar, content);
        return jar;
    }
}
