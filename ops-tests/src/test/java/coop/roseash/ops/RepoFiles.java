package coop.roseash.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's deployment files, found from the test's working directory. */
final class RepoFiles {

    static final List<String> SERVICES = List.of("blog", "market", "cart", "events", "federation", "account");

    private RepoFiles() {
    }

    /** The monorepo root: the nearest directory upwards that holds deploy.sh. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file as plain maps and lists (anchors and merge keys resolved). */
    static Map<String, Object> yaml(String relativePath) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relativePath));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String key) {
        Object value = ((Map<?, ?>) node).get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping at '" + key + "' but found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String key) {
        Object value = ((Map<?, ?>) node).get(key);
        if (!(value instanceof List)) {
            throw new AssertionError("expected a list at '" + key + "' but found " + value);
        }
        return (List<Object>) value;
    }
}
