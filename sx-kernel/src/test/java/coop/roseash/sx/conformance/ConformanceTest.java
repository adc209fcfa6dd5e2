package coop.roseash.sx.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import coop.roseash.sx.SxException;
import coop.roseash.sx.cli.Runner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the conformance corpus (src/test/resources/conformance) through the sx tool's code path. */
class ConformanceTest {
    static Path corpus() throws URISyntaxException {
        return Paths.get(Objects.requireNonNull(ConformanceTest.class.getResource("/conformance")).toURI());
    }

    @TestFactory
    Stream<DynamicTest> corpusCases() throws IOException, URISyntaxException {
        Path root = corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".sx")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().flatMap(f -> {
            String name = root.relativize(f).toString();
            try {
                return CaseFile.parse(Files.readString(f, StandardCharsets.UTF_8)).stream()
                        .filter(c -> !"js".equals(c.only()))
                        .map(c -> DynamicTest.dynamicTest(name + ":" + c.name(), () -> run(c)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void run(CaseFile.Case c) {
        Runner runner = Runner.standalone();
        if (c.error() != null) {
            try {
                String out = runner.run(c.mode(), c.source(), null);
                fail("expected an error containing \"" + c.error() + "\" but got: " + out);
            } catch (SxException e) {
                assertThat(e.getMessage()).contains(c.error());
            }
            return;
        }
        String out;
        try {
            out = runner.run(c.mode(), c.source(), null);
        } catch (SxException e) {
            throw new AssertionError("unexpected error: " + e.getMessage(), e);
        }
        assertThat(stripNewline(out)).isEqualTo(stripNewline(c.expected()));
    }

    private static String stripNewline(String s) { return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s; }
}
