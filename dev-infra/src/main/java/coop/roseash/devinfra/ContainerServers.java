package coop.roseash.devinfra;

import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL 16 and Redis 7 in containers (Testcontainers), for where nothing answers at the configured address but
 * a Docker engine does. The image is the official one where the engine has it or can pull it; on a machine that
 * reaches no image registry, the local stand-in ops/swarm-local.sh builds from Debian's packages (it honours the
 * official images' variables), when the engine has that one.
 *
 * <p>Ryuk, Testcontainers' reaper, is an image of its own that such a machine cannot pull, so the test JVMs run
 * with {@code TESTCONTAINERS_RYUK_DISABLED=true} (root pom) and dev-infra stops its containers itself, on close
 * and in its shutdown hook.
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:16";
    static final String POSTGRES_STAND_IN = "127.0.0.1:5000/stand-in/postgres:16";
    static final String REDIS_IMAGE = "redis:7";
    static final String REDIS_STAND_IN = "127.0.0.1:5000/stand-in/redis:7";

    private ContainerServers() {
    }

    /** Whether a Docker engine answers (and containers are not turned off with ROSEASH_TEST_CONTAINERS=false). */
    static boolean engineAnswers() {
        if ("false".equalsIgnoreCase(System.getenv("ROSEASH_TEST_CONTAINERS"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The official image if the engine has it; else the stand-in if it has that; else the official one, pulled. */
    static String image(String official, String standIn) {
        if (present(official)) {
            return official;
        }
        return present(standIn) ? standIn : official;
    }

    private static boolean present(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A started PostgreSQL container whose superuser {@code postgres} has this password. */
    static GenericContainer<?> postgres(String password) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image(POSTGRES_IMAGE, POSTGRES_STAND_IN)))
                .withEnv("POSTGRES_PASSWORD", password)
                .withExposedPorts(5432)
                // the official image (and the stand-in) start the server twice on a new data directory: once to set up
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        container.start();
        return container;
    }

    /** A started Redis container (no password, as the embedded one). */
    static GenericContainer<?> redis() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image(REDIS_IMAGE, REDIS_STAND_IN)))
                .withExposedPorts(6379)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1).withStartupTimeout(Duration.ofMinutes(1)));
        container.start();
        return container;
    }
}
