package coop.roseash.devinfra;

import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.URI;

/**
 * A Redis server to use, the first of: the one answering at the configured URL; a container (Testcontainers,
 * {@link ContainerServers}) where a Docker engine answers; an embedded real redis-server (codemonstur
 * embedded-redis).
 */
public final class RedisServerHandle implements AutoCloseable {
    private final String host;
    private final int port;
    private final RedisServer embedded;
    private final GenericContainer<?> container;

    private RedisServerHandle(String host, int port, RedisServer embedded, GenericContainer<?> container) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
        this.container = container;
    }

    public static RedisServerHandle findOrStart(String redisUrl) {
        URI uri = URI.create(redisUrl);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        if (PortProbe.answers(host, port)) {
            return new RedisServerHandle(host, port, null, null);
        }
        if (ContainerServers.engineAnswers()) {
            return startContainer();
        }
        return startEmbedded();
    }

    static RedisServerHandle startEmbedded() {
        int freePort = PortProbe.freePort();
        try {
            RedisServer server = new RedisServer(freePort);
            server.start();
            System.out.println("[dev-infra] no Redis answered; started embedded Redis on port " + freePort);
            return new RedisServerHandle("localhost", freePort, server, null);
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded Redis: " + e.getMessage(), e);
        }
    }

    static RedisServerHandle startContainer() {
        GenericContainer<?> redis = ContainerServers.redis();
        System.out.println("[dev-infra] no Redis answered; started " + redis.getDockerImageName() + " in a container on port "
                + redis.getMappedPort(6379));
        return new RedisServerHandle(redis.getHost(), redis.getMappedPort(6379), null, redis);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Whether this server runs in a container this JVM started (Testcontainers). */
    public boolean isContainer() {
        return container != null;
    }

    /** The Redis URL for one logical database index (tests of different modules use different indexes). */
    public String url(int database) {
        return "redis://" + host + ":" + port + "/" + database;
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                System.err.println("[dev-infra] embedded Redis did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
