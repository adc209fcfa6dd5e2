package coop.roseash.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What the launcher needs from {@code config/app-config.yaml}: the services and their ports and URLs, the database
 * and Redis addresses, the OAuth client ids. Environment variables win, as they do in the services
 * ({@code ROSEASH_DATASOURCE_URL}, {@code ROSEASH_REDIS_URL}).
 */
public record PlatformConfig(Path file, Map<String, ServiceAddress> services, String datasourceUrl, String datasourceUser,
                             String redisUrl, List<String> oauthClientIds, List<String> admins) {

    /** The six services, in the order they start and are listed. */
    public static final List<String> SERVICE_NAMES = List.of("blog", "market", "cart", "events", "federation", "account");

    /** One service's port and its public and internal base URLs. */
    public record ServiceAddress(String name, int port, String publicUrl, String internalUrl) {
    }

    @SuppressWarnings("unchecked")
    public static PlatformConfig load(Path file, Map<String, String> env) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("roseash");
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("cannot read the platform config " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> servicesNode = (Map<String, Object>) root.get("services");
        Map<String, ServiceAddress> services = new LinkedHashMap<>();
        for (String name : SERVICE_NAMES) {
            Map<String, Object> node = (Map<String, Object>) servicesNode.get(name);
            if (node == null) {
                throw new IllegalStateException(file + " has no roseash.services." + name);
            }
            services.put(name, new ServiceAddress(name, ((Number) node.get("port")).intValue(),
                    String.valueOf(node.get("public-url")), String.valueOf(node.get("internal-url"))));
        }
        Map<String, Object> datasource = (Map<String, Object>) root.get("datasource");
        Map<String, Object> redis = (Map<String, Object>) root.get("redis");
        List<String> clients = new ArrayList<>();
        Object oauth = root.get("oauth");
        if (oauth instanceof Map<?, ?> oauthNode && oauthNode.get("clients") instanceof List<?> list) {
            list.forEach(client -> clients.add(String.valueOf(((Map<String, Object>) client).get("id"))));
        }
        List<String> admins = new ArrayList<>();
        if (root.get("admins") instanceof List<?> list) {
            list.forEach(admin -> admins.add(String.valueOf(admin)));
        }
        return new PlatformConfig(file, services,
                env.getOrDefault("ROSEASH_DATASOURCE_URL", String.valueOf(datasource.get("url"))),
                env.getOrDefault("ROSEASH_DATASOURCE_USERNAME", String.valueOf(datasource.get("username"))),
                env.getOrDefault("ROSEASH_REDIS_URL", String.valueOf(redis.get("url"))),
                List.copyOf(clients), List.copyOf(admins));
    }

    /** The database name at the end of the JDBC URL ({@code roseash}). */
    public String databaseName() {
        String path = datasourceUrl.substring(datasourceUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
