package coop.roseash.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bats runs each test under `set -e`, and bash's errexit ignores a command negated with `!`: a
 * bare `! cmd` in the middle of a test passes whatever cmd does, so the assertion can never fail.
 * This lint rejects a line that starts with `!` in a .bats file (or a helper beside one); write
 * `run cmd` then `[ "$status" -ne 0 ]`, a helper that returns 1, or `! cmd || false`.
 */
class BatsLintTest {

    /** A line whose first token is `!`, i.e. a negated command rather than `run !` or a test's `[ ! ...`. */
    private static final Pattern BARE_NEGATION = Pattern.compile("^\\s*!(\\s|$)");
    /** `! cmd || false` (or return/exit) fails on its own: the `||` branch is not exempt from errexit. */
    private static final Pattern FAILS_EXPLICITLY = Pattern.compile("\\|\\|\\s*(false|return|exit)\\b[^|&;]*(#.*)?$");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".data");

    /** The lines of a bats file that negate a command with a bare `!`, as "file:line: text". */
    static List<String> bareNegations(String file, String text) {
        List<String> found = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (BARE_NEGATION.matcher(line).find() && !FAILS_EXPLICITLY.matcher(line).find()) {
                found.add(file + ":" + (i + 1) + ": " + line.strip());
            }
        }
        return found;
    }

    /** Every .bats file in the repository, and the .bash helpers in the same folders (they run under set -e too). */
    static List<Path> batsFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean skipped = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".bats") || name.endsWith(".bash")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // e.g. a build output another build just deleted
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Path> batsDirs = files.stream().filter(p -> p.getFileName().toString().endsWith(".bats"))
                .map(Path::getParent).collect(Collectors.toSet());
        return files.stream().filter(p -> batsDirs.contains(p.getParent())).sorted().toList();
    }

    @Test
    void noBatsTestNegatesACommandWithABareBang() throws IOException {
        Path root = RepoFiles.root();
        List<Path> files = batsFiles(root);
        // Finding no file would make this lint pass vacuously: the very fault it looks for.
        assertThat(files).as("bats files found").contains(root.resolve("ops-tests/src/test/bats/deploy.bats"))
                .contains(root.resolve("ops-tests/src/test/bats/test_helper.bash"));
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            found.addAll(bareNegations(root.relativize(file).toString(), Files.readString(file)));
        }
        assertThat(found).as("a bare `! cmd` never fails a bats test (set -e ignores it); use `run cmd` and "
                + "check $status, a helper that returns 1, or `! cmd || false`:\n" + String.join("\n", found)).isEmpty();
    }

    @Test
    void theLintFindsABareNegationAndNamesFileAndLine() {
        String sample = """
                @test "sample" {
                  run ./deploy.sh
                  ! stack_deployed
                  [ "$status" -eq 0 ]
                \t!   grep -q federation overlay.yaml
                  !
                }
                """;
        assertThat(bareNegations("sample.bats", sample)).containsExactly(
                "sample.bats:3: ! stack_deployed",
                "sample.bats:5: !   grep -q federation overlay.yaml",
                "sample.bats:6: !");
    }

    @Test
    void theLintAcceptsNegationsThatCanFail() {
        String sample = """
                @test "sample" {
                  run ! stack_deployed
                  run grep -q "id: federation" overlay.yaml
                  [ "$status" -eq 1 ]
                  [ ! -e "$FAKE_SWARM/fail-mvn" ]
                  [[ ! $output == *error* ]]
                  if ! stack_deployed; then echo fine; fi
                  ! stack_deployed || false
                  ! grep -q x file || return 1
                  # ! a comment
                  echo "!"
                }
                """;
        assertThat(bareNegations("sample.bats", sample)).isEmpty();
    }
}
