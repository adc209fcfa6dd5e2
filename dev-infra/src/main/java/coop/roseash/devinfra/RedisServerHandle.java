package coop.roseash.devinfra;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.URI;

/**
 * A Redis server to use: the one answering at the configured URL, or an embedded real redis-server
 * (codemonstur embedded-redis) started when nothing answers there.
 */
public final class RedisServerHandle implements AutoCloseable {
    private final String host;
    private final int port;
    private final RedisServer embedded;

    private RedisServerHandle(String host, int port, RedisServer embedded) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    public static RedisServerHandle findOrStart(String redisUrl) {
        URI uri = URI.create(redisUrl);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        if (PortProbe.answers(host, port)) {
            return new RedisServerHandle(host, port, null);
        }
        int freePort = PortProbe.freePort();
        try {
            RedisServer server = new RedisServer(freePort);
            server.start();
            System.out.println("[dev-infra] no Redis answered; started embedded Redis on port " + freePort);
            return new RedisServerHandle("localhost", freePort, server);
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded Redis: " + e.getMessage(), e);
        }
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

    /** The Redis URL for one logical database index (tests of different modules use different indexes). */
    public String url(int database) {
        return "redis://" + host + ":" + port + "/" + database;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                System.err.println("[dev-infra] embedded Redis did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
