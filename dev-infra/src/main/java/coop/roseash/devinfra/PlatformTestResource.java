package coop.roseash.devinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a @QuarkusTest a real PostgreSQL database and a real Redis: the servers at the configured
 * addresses, or embedded ones when none answers. Each module tests in its own database
 * (system property {@code roseash.test.database}) and Redis index ({@code roseash.test.redis-db}),
 * so tests never touch local data and modules never trip over each other. Flyway cleans and migrates
 * the schema at every test application start.
 *
 * <p>Addresses: env {@code ROSEASH_TEST_PG_URL} (default {@code jdbc:postgresql://localhost:5432/postgres}),
 * {@code ROSEASH_TEST_PG_USER} (default {@code postgres}), {@code ROSEASH_TEST_PG_PASSWORD} (default empty),
 * {@code ROSEASH_TEST_REDIS_URL} (default {@code redis://localhost:6379}).
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = System.getProperty("roseash.test.database", "roseash_test");
        int redisDb = Integer.parseInt(System.getProperty("roseash.test.redis-db", "0"));
        infra.postgres().ensureDatabase(database, null);

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.db-kind", "postgresql");
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.postgres().adminUser());
        config.put("quarkus.datasource.password", infra.postgres().adminPassword());
        config.put("quarkus.redis.hosts", infra.redis().url(redisDb));
        config.put("quarkus.flyway.migrate-at-start", "true");
        // every test application starts from an empty schema: a database left behind by an earlier run
        // (or by a branch with other migrations) must never decide whether the tests pass
        config.put("quarkus.flyway.clean-at-start", "true");
        config.put("quarkus.flyway.clean-disabled", "false");
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // servers are shared by every test class of this JVM; TestInfrastructure stops embedded ones at exit
    }
}
