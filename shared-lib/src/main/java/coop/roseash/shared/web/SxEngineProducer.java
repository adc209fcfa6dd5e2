package coop.roseash.shared.web;

import coop.roseash.sx.SxEngine;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application's one {@link SxEngine}: every {@code sx/**.sx} on the classpath (shared-lib's and the service's),
 * with the platform's IO primitives; in dev mode it also reads the service's source folder and reloads changed files.
 */
@ApplicationScoped
public class SxEngineProducer {

    static final String SX_ROOT = "sx";
    // quarkus:dev runs in the module folder, so a service's own views are found here
    private static final Path DEV_SOURCES = Path.of("src/main/resources/sx");

    @Produces
    @Singleton
    SxEngine engine(PlatformIoPrimitives primitives) {
        boolean dev = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        SxEngine.Builder builder = SxEngine.builder()
                .classLoader(Thread.currentThread().getContextClassLoader())
                .classpath(SX_ROOT)
                .reloadChangedFiles(dev);
        if (dev && Files.isDirectory(DEV_SOURCES)) {
            builder.directory(DEV_SOURCES);
        }
        primitives.all().forEach(builder::io);
        return builder.build();
    }
}
