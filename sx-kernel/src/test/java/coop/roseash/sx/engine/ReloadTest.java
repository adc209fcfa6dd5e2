package coop.roseash.sx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.sx.SxEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development reload: a changed file is re-read; without reload the first version stays. */
class ReloadTest {
    @TempDir
    Path dir;

    @Test
    void changedFilesAreReloadedOnlyWhenAskedFor() throws Exception {
        Path f = dir.resolve("hello.sx");
        Files.writeString(f, "(defcomp ~hello () (p \"one\"))");
        SxEngine dev = SxEngine.builder().directory(dir).reloadChangedFiles(true).build();
        SxEngine prod = SxEngine.builder().directory(dir).build();
        assertThat(dev.renderComponent("~hello", Map.of(), null)).isEqualTo("<p>one</p>");

        Files.writeString(f, "(defcomp ~hello () (p \"two\"))");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Files.writeString(dir.resolve("more.sx"), "(defcomp ~more () (p \"new file\"))");
        Thread.sleep(600);

        assertThat(dev.renderComponent("~hello", Map.of(), null)).isEqualTo("<p>two</p>");
        assertThat(dev.renderComponent("~more", Map.of(), null)).isEqualTo("<p>new file</p>");
        assertThat(prod.renderComponent("~hello", Map.of(), null)).isEqualTo("<p>one</p>");
    }

    @Test
    void directoryFilesOverrideClasspathFilesOfTheSameName() throws Exception {
        Files.createDirectories(dir.resolve("blog"));
        Files.writeString(dir.resolve("blog/cards.sx"), "(defcomp ~blog/card (&key post) (p \"overridden\"))");
        SxEngine e = SxEngine.builder().classpath("sx-test").directory(dir)
                .io(coop.roseash.sx.IoPrimitive.of("current-user", (ctx, args) -> null)).build();
        assertThat(e.renderComponent("~blog/card", Map.of(), null)).isEqualTo("<p>overridden</p>");
    }
}
