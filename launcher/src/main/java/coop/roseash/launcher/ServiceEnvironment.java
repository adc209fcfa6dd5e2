package coop.roseash.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment variables a packaged service gets in a local run or an end-to-end test: where the platform config
 * is, the database and Redis addresses, every service's URLs (so tests can move them to other ports) and the secrets.
 */
public final class ServiceEnvironment {

    private final Map<String, String> env = new LinkedHashMap<>();

    public ServiceEnvironment(Path appConfig) {
        env.put("ROSEASH_CONFIG_BASE", appConfig.toAbsolutePath().toString());
        // the launcher (or the test) migrates once, before any service starts
        env.put("RUN_MIGRATIONS", "false");
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
    }

    public ServiceEnvironment database(String jdbcUrl, String user, String password) {
        env.put("ROSEASH_DATASOURCE_URL", jdbcUrl);
        env.put("ROSEASH_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        return this;
    }

    public ServiceEnvironment redis(String redisUrl) {
        env.put("ROSEASH_REDIS_URL", redisUrl);
        env.put("QUARKUS_REDIS_HOSTS", redisUrl);
        return this;
    }

    /** Every service's port and URLs, as overrides of {@code roseash.services.NAME.*}. */
    public ServiceEnvironment services(Iterable<PlatformConfig.ServiceAddress> addresses) {
        for (PlatformConfig.ServiceAddress address : addresses) {
            String prefix = "ROSEASH_SERVICES_" + address.name().toUpperCase(Locale.ROOT) + "_";
            env.put(prefix + "PORT", Integer.toString(address.port()));
            env.put(prefix + "PUBLIC_URL", address.publicUrl());
            env.put(prefix + "INTERNAL_URL", address.internalUrl());
        }
        return this;
    }

    public ServiceEnvironment with(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    public Map<String, String> toMap() {
        return Map.copyOf(env);
    }
}
