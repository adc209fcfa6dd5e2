package coop.roseash.shared.config;

import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Adds the platform's YAML layers: {@code app-config.yaml} (the file in {@code ROSEASH_CONFIG_BASE}, else the copy
 * on shared-lib's classpath), then the overlay file named by {@code ROSEASH_CONFIG}.
 *
 * <p>Ordinals: the base (240) sits under a service's application.properties (250), so a service may refine a default;
 * the overlay (270) sits above it, so a deployment may override anything; environment variables (300) and system
 * properties (400) stay on top, as MicroProfile Config defines.
 */
public class PlatformConfigSources implements ConfigSourceProvider {

    /** Classpath location of the build-time copy of {@code config/app-config.yaml}. */
    public static final String CLASSPATH_BASE = "roseash/app-config.yaml";
    public static final String BASE_ENV = "ROSEASH_CONFIG_BASE";
    public static final String OVERLAY_ENV = "ROSEASH_CONFIG";
    static final int BASE_ORDINAL = 240;
    static final int OVERLAY_ORDINAL = 270;

    private final Function<String, String> environment;

    /** Reads the process environment (how MicroProfile Config's ServiceLoader creates it). */
    public PlatformConfigSources() {
        this(System::getenv);
    }

    PlatformConfigSources(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader classLoader) {
        List<ConfigSource> sources = new ArrayList<>(2);
        String base = environment.apply(BASE_ENV);
        if (base != null && !base.isBlank()) {
            sources.add(fromFile(base, BASE_ENV, BASE_ORDINAL));
        } else {
            URL url = classLoader.getResource(CLASSPATH_BASE);
            if (url != null) {
                sources.add(fromUrl(url, BASE_ORDINAL));
            }
        }
        String overlay = environment.apply(OVERLAY_ENV);
        if (overlay != null && !overlay.isBlank()) {
            sources.add(fromFile(overlay, OVERLAY_ENV, OVERLAY_ORDINAL));
        }
        return sources;
    }

    private static ConfigSource fromFile(String file, String variable, int ordinal) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            // a mistyped path must stop the service, not silently fall back to defaults
            throw new IllegalStateException(variable + " names " + path.toAbsolutePath() + ", which is not a readable file");
        }
        try {
            return fromUrl(path.toUri().toURL(), ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigSource fromUrl(URL url, int ordinal) {
        try {
            return new YamlConfigSource(url, ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + url, e);
        }
    }
}
