package coop.roseash.devinfra;

/** The PostgreSQL and Redis servers of one test JVM, found or started once and shared by all tests. */
public final class TestInfrastructure {
    private static TestInfrastructure instance;

    private final PostgresServer postgres;
    private final RedisServerHandle redis;

    private TestInfrastructure(PostgresServer postgres, RedisServerHandle redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            PostgresServer pg = PostgresServer.findOrStart(
                    env("ROSEASH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres"),
                    env("ROSEASH_TEST_PG_USER", "postgres"),
                    env("ROSEASH_TEST_PG_PASSWORD", ""),
                    null);
            RedisServerHandle redis = RedisServerHandle.findOrStart(env("ROSEASH_TEST_REDIS_URL", "redis://localhost:6379"));
            instance = new TestInfrastructure(pg, redis);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                redis.close();
                pg.close();
            }, "dev-infra-shutdown"));
        }
        return instance;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisServerHandle redis() {
        return redis;
    }
}
